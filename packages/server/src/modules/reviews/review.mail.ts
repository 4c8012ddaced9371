import type { Lang } from '@lco/core';

/** Mails of expert review, in each recipient's language. Plain text with one link. */
export type ReviewMailEvent = 'assigned' | 'reminder' | 'flagged' | 'results';

export interface ReviewMailFacts {
  city: string;
  year: number;
  round: string;
  /** The deadline as a date (YYYY-MM-DD, UTC). */
  deadline: string;
  /** Flagged: how many measurements need reconciling. */
  count?: number;
}

type Texts = Record<ReviewMailEvent, (f: ReviewMailFacts) => string>;

const TEXTS: Record<Lang, Texts> = {
  en: {
    assigned: (f) =>
      `You have been asked to review the ${f.year} evidence of ${f.city} (${f.round}). Ratings are due by ${f.deadline}.`,
    reminder: (f) => `Reminder: your ratings of ${f.city} (${f.round}) are due by ${f.deadline}.`,
    flagged: (f) =>
      `The reviewers of ${f.city} (${f.round}) differ by two points or more on ${f.count} measurement(s). Read the other rationales and revise if you see fit.`,
    results: (f) => `The expert review of the ${f.year} report of ${f.city} is complete (${f.round}): see the results.`,
  },
  fr: {
    assigned: (f) =>
      `Il vous est demandé d'examiner les éléments ${f.year} de ${f.city} (${f.round}). Notes attendues d'ici le ${f.deadline}.`,
    reminder: (f) => `Rappel : vos notes pour ${f.city} (${f.round}) sont attendues d'ici le ${f.deadline}.`,
    flagged: (f) =>
      `Les évaluateurs de ${f.city} (${f.round}) divergent de deux points ou plus sur ${f.count} mesure(s). Lisez les autres justifications et révisez si vous le jugez utile.`,
    results: (f) =>
      `L'examen par les experts du rapport ${f.year} de ${f.city} est terminé (${f.round}) : voir les résultats.`,
  },
  es: {
    assigned: (f) =>
      `Se le ha pedido revisar la evidencia ${f.year} de ${f.city} (${f.round}). Las calificaciones vencen el ${f.deadline}.`,
    reminder: (f) => `Recordatorio: sus calificaciones de ${f.city} (${f.round}) vencen el ${f.deadline}.`,
    flagged: (f) =>
      `Los revisores de ${f.city} (${f.round}) difieren en dos puntos o más en ${f.count} medida(s). Lea las otras justificaciones y revise si lo considera oportuno.`,
    results: (f) =>
      `La revisión de expertos del informe ${f.year} de ${f.city} ha concluido (${f.round}): vea los resultados.`,
  },
  ar: {
    assigned: (f) => `طُلب منك مراجعة أدلة ${f.city} لعام ${f.year} (${f.round}). موعد تسليم التقييمات ${f.deadline}.`,
    reminder: (f) => `تذكير: موعد تسليم تقييماتك لـ${f.city} (${f.round}) هو ${f.deadline}.`,
    flagged: (f) =>
      `يختلف مراجعو ${f.city} (${f.round}) بنقطتين أو أكثر في ${f.count} من المقاييس. اطّلع على مبررات الآخرين وعدّل تقييمك إن رأيت ذلك.`,
    results: (f) => `اكتملت مراجعة الخبراء لتقرير ${f.city} لعام ${f.year} (${f.round}): اطّلع على النتائج.`,
  },
  zh: {
    assigned: (f) => `请您评审${f.city}${f.year}年度的证据材料（${f.round}）。评分截止日期：${f.deadline}。`,
    reminder: (f) => `提醒：您对${f.city}（${f.round}）的评分截止日期为${f.deadline}。`,
    flagged: (f) =>
      `${f.city}（${f.round}）的评审人在${f.count}项测量上相差两分或以上。请阅读其他评审理由，如认为合适可修改评分。`,
    results: (f) => `${f.city}${f.year}年度报告的专家评审已完成（${f.round}）：请查看结果。`,
  },
  ru: {
    assigned: (f) =>
      `Вас просят оценить материалы ${f.city} за ${f.year} год (${f.round}). Срок выставления оценок: ${f.deadline}.`,
    reminder: (f) => `Напоминание: срок ваших оценок для ${f.city} (${f.round}) — ${f.deadline}.`,
    flagged: (f) =>
      `Оценки экспертов ${f.city} (${f.round}) расходятся на два балла и более по ${f.count} показателю(ям). Прочитайте обоснования коллег и при необходимости пересмотрите оценку.`,
    results: (f) => `Экспертная оценка отчёта ${f.city} за ${f.year} год завершена (${f.round}): смотрите результаты.`,
  },
};

export function reviewMail(lang: Lang, event: ReviewMailEvent, facts: ReviewMailFacts, link: string) {
  const line = TEXTS[lang][event](facts);
  return { subject: line, text: `${line}\n\n${link}\n` };
}
