import type { Lang } from '@lco/core';

/** Mails about a cycle's transitions, in each recipient's language. Plain text with one link. */
export type CycleMailEvent = 'submitted' | 'accepted' | 'returned' | 'reopened';

const TEXTS: Record<Lang, Record<CycleMailEvent, (city: string, year: number) => string>> = {
  en: {
    submitted: (c, y) => `${c} has submitted its ${y} monitoring report for review.`,
    accepted: (c, y) => `The ${y} monitoring report of ${c} has been accepted and is now public.`,
    returned: (c, y) => `The ${y} monitoring report of ${c} has been returned with comments.`,
    reopened: (c, y) => `The accepted ${y} monitoring report of ${c} has been reopened.`,
  },
  fr: {
    submitted: (c, y) => `${c} a soumis son rapport de suivi ${y} pour examen.`,
    accepted: (c, y) => `Le rapport de suivi ${y} de ${c} a été accepté et il est désormais public.`,
    returned: (c, y) => `Le rapport de suivi ${y} de ${c} a été renvoyé avec des commentaires.`,
    reopened: (c, y) => `Le rapport de suivi ${y} de ${c}, déjà accepté, a été rouvert.`,
  },
  es: {
    submitted: (c, y) => `${c} ha presentado su informe de seguimiento ${y} para revisión.`,
    accepted: (c, y) => `El informe de seguimiento ${y} de ${c} ha sido aceptado y ya es público.`,
    returned: (c, y) => `El informe de seguimiento ${y} de ${c} ha sido devuelto con comentarios.`,
    reopened: (c, y) => `El informe de seguimiento ${y} de ${c}, ya aceptado, ha sido reabierto.`,
  },
  ar: {
    submitted: (c, y) => `قدّمت ${c} تقرير الرصد لعام ${y} للمراجعة.`,
    accepted: (c, y) => `تم قبول تقرير الرصد لعام ${y} الخاص بـ${c} وأصبح متاحًا للجمهور.`,
    returned: (c, y) => `أُعيد تقرير الرصد لعام ${y} الخاص بـ${c} مع تعليقات.`,
    reopened: (c, y) => `أُعيد فتح تقرير الرصد المقبول لعام ${y} الخاص بـ${c}.`,
  },
  zh: {
    submitted: (c, y) => `${c}已提交${y}年度监测报告，等待审核。`,
    accepted: (c, y) => `${c}的${y}年度监测报告已获接受，现已公开。`,
    returned: (c, y) => `${c}的${y}年度监测报告已附意见退回。`,
    reopened: (c, y) => `${c}已获接受的${y}年度监测报告已重新开放。`,
  },
  ru: {
    submitted: (c, y) => `${c}: мониторинговый отчёт за ${y} год представлен на рассмотрение.`,
    accepted: (c, y) => `${c}: мониторинговый отчёт за ${y} год принят и опубликован.`,
    returned: (c, y) => `${c}: мониторинговый отчёт за ${y} год возвращён с комментариями.`,
    reopened: (c, y) => `${c}: принятый мониторинговый отчёт за ${y} год открыт повторно.`,
  },
};

export function cycleMail(lang: Lang, event: CycleMailEvent, city: string, year: number, link: string) {
  const line = TEXTS[lang][event](city, year);
  return { subject: line, text: `${line}\n\n${link}\n` };
}
