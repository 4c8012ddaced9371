import type { Lang } from '@lco/core';

/** Mails of membership, in each recipient's language. Plain text with one link. */
export type MembershipMailEvent =
  | 'signed'
  | 'submitted'
  | 'endorsed'
  | 'declined'
  | 'recommended'
  | 'accepted'
  | 'not-accepted'
  | 'expired'
  | 'endorsement-reminder'
  | 'report-due'
  | 'report-submitted'
  | 'inactive'
  | 'active';

export interface MembershipMailFacts {
  city: string;
  /** The call's name, or the empty string for mails about reports and standing. */
  call: string;
  /** A date (YYYY-MM-DD, UTC): the National Commission's deadline or the report's due date. */
  date: string;
}

type Texts = Record<MembershipMailEvent, (f: MembershipMailFacts) => string>;

const TEXTS: Record<Lang, Texts> = {
  en: {
    signed: (f) => `The application of ${f.city} (${f.call}) is signed and ready to submit to the National Commission.`,
    submitted: (f) =>
      `${f.city} has applied to join the UNESCO Global Network of Learning Cities (${f.call}). The National Commission for UNESCO endorses or declines the application by ${f.date}.`,
    endorsed: (f) =>
      `The National Commission has endorsed the application of ${f.city} (${f.call}). It now awaits the jury's recommendation or the Secretariat's decision.`,
    declined: (f) => `The National Commission has declined the application of ${f.city} (${f.call}).`,
    recommended: (f) => `The jury has given its recommendation on the application of ${f.city} (${f.call}).`,
    accepted: (f) => `${f.city} is now a member of the UNESCO Global Network of Learning Cities (${f.call}).`,
    'not-accepted': (f) => `The application of ${f.city} (${f.call}) has not been accepted.`,
    expired: (f) =>
      `The application of ${f.city} (${f.call}) has expired: the National Commission did not answer by ${f.date}.`,
    'endorsement-reminder': (f) =>
      `Reminder: the application of ${f.city} (${f.call}) awaits your endorsement or decline by ${f.date}.`,
    'report-due': (f) => `The biennial progress report of ${f.city} is due by ${f.date}.`,
    'report-submitted': (f) => `${f.city} has submitted its biennial progress report.`,
    inactive: (f) => `${f.city} has been marked inactive in the network after missed progress reports.`,
    active: (f) => `${f.city} is an active member of the network again.`,
  },
  fr: {
    signed: (f) =>
      `La candidature de ${f.city} (${f.call}) est signée et prête à être soumise à la Commission nationale.`,
    submitted: (f) =>
      `${f.city} demande à rejoindre le Réseau mondial UNESCO des villes apprenantes (${f.call}). La Commission nationale pour l'UNESCO approuve ou refuse la candidature d'ici le ${f.date}.`,
    endorsed: (f) =>
      `La Commission nationale a approuvé la candidature de ${f.city} (${f.call}). Elle attend maintenant la recommandation du jury ou la décision du Secrétariat.`,
    declined: (f) => `La Commission nationale a refusé la candidature de ${f.city} (${f.call}).`,
    recommended: (f) => `Le jury a donné sa recommandation sur la candidature de ${f.city} (${f.call}).`,
    accepted: (f) => `${f.city} est désormais membre du Réseau mondial UNESCO des villes apprenantes (${f.call}).`,
    'not-accepted': (f) => `La candidature de ${f.city} (${f.call}) n'a pas été acceptée.`,
    expired: (f) =>
      `La candidature de ${f.city} (${f.call}) a expiré : la Commission nationale n'a pas répondu avant le ${f.date}.`,
    'endorsement-reminder': (f) =>
      `Rappel : la candidature de ${f.city} (${f.call}) attend votre approbation ou votre refus d'ici le ${f.date}.`,
    'report-due': (f) => `Le rapport biennal d'avancement de ${f.city} est attendu d'ici le ${f.date}.`,
    'report-submitted': (f) => `${f.city} a soumis son rapport biennal d'avancement.`,
    inactive: (f) => `${f.city} a été déclarée inactive dans le réseau après des rapports manquants.`,
    active: (f) => `${f.city} est de nouveau membre actif du réseau.`,
  },
  es: {
    signed: (f) =>
      `La solicitud de ${f.city} (${f.call}) está firmada y lista para presentarse a la Comisión Nacional.`,
    submitted: (f) =>
      `${f.city} ha solicitado unirse a la Red Mundial de Ciudades del Aprendizaje de la UNESCO (${f.call}). La Comisión Nacional para la UNESCO respalda o rechaza la solicitud a más tardar el ${f.date}.`,
    endorsed: (f) =>
      `La Comisión Nacional ha respaldado la solicitud de ${f.city} (${f.call}). Ahora espera la recomendación del jurado o la decisión de la Secretaría.`,
    declined: (f) => `La Comisión Nacional ha rechazado la solicitud de ${f.city} (${f.call}).`,
    recommended: (f) => `El jurado ha emitido su recomendación sobre la solicitud de ${f.city} (${f.call}).`,
    accepted: (f) => `${f.city} ya es miembro de la Red Mundial de Ciudades del Aprendizaje de la UNESCO (${f.call}).`,
    'not-accepted': (f) => `La solicitud de ${f.city} (${f.call}) no ha sido aceptada.`,
    expired: (f) =>
      `La solicitud de ${f.city} (${f.call}) ha vencido: la Comisión Nacional no respondió antes del ${f.date}.`,
    'endorsement-reminder': (f) =>
      `Recordatorio: la solicitud de ${f.city} (${f.call}) espera su respaldo o rechazo a más tardar el ${f.date}.`,
    'report-due': (f) => `El informe bienal de progreso de ${f.city} vence el ${f.date}.`,
    'report-submitted': (f) => `${f.city} ha presentado su informe bienal de progreso.`,
    inactive: (f) => `${f.city} ha sido declarada inactiva en la red por informes no presentados.`,
    active: (f) => `${f.city} vuelve a ser miembro activo de la red.`,
  },
  ar: {
    signed: (f) => `طلب ${f.city} (${f.call}) موقّع وجاهز للتقديم إلى اللجنة الوطنية.`,
    submitted: (f) =>
      `قدّمت ${f.city} طلب الانضمام إلى شبكة اليونسكو العالمية لمدن التعلّم (${f.call}). تؤيد اللجنة الوطنية لليونسكو الطلب أو ترفضه في موعد أقصاه ${f.date}.`,
    endorsed: (f) =>
      `أيّدت اللجنة الوطنية طلب ${f.city} (${f.call}). وهو الآن بانتظار توصية لجنة التحكيم أو قرار الأمانة.`,
    declined: (f) => `رفضت اللجنة الوطنية طلب ${f.city} (${f.call}).`,
    recommended: (f) => `قدّمت لجنة التحكيم توصيتها بشأن طلب ${f.city} (${f.call}).`,
    accepted: (f) => `أصبحت ${f.city} عضوًا في شبكة اليونسكو العالمية لمدن التعلّم (${f.call}).`,
    'not-accepted': (f) => `لم يُقبل طلب ${f.city} (${f.call}).`,
    expired: (f) => `انتهت صلاحية طلب ${f.city} (${f.call}): لم تردّ اللجنة الوطنية قبل ${f.date}.`,
    'endorsement-reminder': (f) => `تذكير: طلب ${f.city} (${f.call}) بانتظار تأييدكم أو رفضكم في موعد أقصاه ${f.date}.`,
    'report-due': (f) => `موعد تقديم تقرير التقدّم الذي يُقدَّم كل سنتين لـ${f.city} هو ${f.date}.`,
    'report-submitted': (f) => `قدّمت ${f.city} تقرير التقدّم الذي يُقدَّم كل سنتين.`,
    inactive: (f) => `اعتُبرت ${f.city} غير نشطة في الشبكة بعد تقارير تقدّم لم تُقدَّم.`,
    active: (f) => `عادت ${f.city} عضوًا نشطًا في الشبكة.`,
  },
  zh: {
    signed: (f) => `${f.city}的申请（${f.call}）已签署，可提交国家委员会。`,
    submitted: (f) =>
      `${f.city}已申请加入联合国教科文组织全球学习型城市网络（${f.call}）。联合国教科文组织全国委员会须在${f.date}之前认可或拒绝该申请。`,
    endorsed: (f) => `全国委员会已认可${f.city}的申请（${f.call}），现等待评审团建议或秘书处决定。`,
    declined: (f) => `全国委员会已拒绝${f.city}的申请（${f.call}）。`,
    recommended: (f) => `评审团已就${f.city}的申请（${f.call}）提出建议。`,
    accepted: (f) => `${f.city}现已成为联合国教科文组织全球学习型城市网络成员（${f.call}）。`,
    'not-accepted': (f) => `${f.city}的申请（${f.call}）未获接受。`,
    expired: (f) => `${f.city}的申请（${f.call}）已过期：全国委员会未在${f.date}之前答复。`,
    'endorsement-reminder': (f) => `提醒：${f.city}的申请（${f.call}）等待您在${f.date}之前认可或拒绝。`,
    'report-due': (f) => `${f.city}的两年期进展报告应于${f.date}之前提交。`,
    'report-submitted': (f) => `${f.city}已提交两年期进展报告。`,
    inactive: (f) => `由于未提交进展报告，${f.city}已被标记为网络中的非活跃成员。`,
    active: (f) => `${f.city}重新成为网络的活跃成员。`,
  },
  ru: {
    signed: (f) => `Заявка ${f.city} (${f.call}) подписана и готова к подаче в Национальную комиссию.`,
    submitted: (f) =>
      `${f.city} подаёт заявку на вступление в Глобальную сеть обучающихся городов ЮНЕСКО (${f.call}). Национальная комиссия по делам ЮНЕСКО одобряет или отклоняет заявку до ${f.date}.`,
    endorsed: (f) =>
      `Национальная комиссия одобрила заявку ${f.city} (${f.call}). Теперь ожидаются рекомендация жюри или решение Секретариата.`,
    declined: (f) => `Национальная комиссия отклонила заявку ${f.city} (${f.call}).`,
    recommended: (f) => `Жюри дало рекомендацию по заявке ${f.city} (${f.call}).`,
    accepted: (f) => `${f.city} теперь член Глобальной сети обучающихся городов ЮНЕСКО (${f.call}).`,
    'not-accepted': (f) => `Заявка ${f.city} (${f.call}) не принята.`,
    expired: (f) => `Срок заявки ${f.city} (${f.call}) истёк: Национальная комиссия не ответила до ${f.date}.`,
    'endorsement-reminder': (f) =>
      `Напоминание: заявка ${f.city} (${f.call}) ожидает вашего одобрения или отказа до ${f.date}.`,
    'report-due': (f) => `Двухгодичный отчёт о прогрессе ${f.city} ожидается до ${f.date}.`,
    'report-submitted': (f) => `${f.city} представил(а) двухгодичный отчёт о прогрессе.`,
    inactive: (f) => `${f.city} отмечен(а) как неактивный член сети из-за непредставленных отчётов.`,
    active: (f) => `${f.city} снова активный член сети.`,
  },
};

export function membershipMail(lang: Lang, event: MembershipMailEvent, facts: MembershipMailFacts, link: string) {
  const line = TEXTS[lang][event](facts);
  return { subject: line, text: `${line}\n\n${link}\n` };
}
