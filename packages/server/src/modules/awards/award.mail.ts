import type { Lang } from '@lco/core';

/** Mails of the Award, in each recipient's language. Plain text with one link. */
export type AwardMailEvent =
  | 'cycle-opened'
  | 'submitted'
  | 'nominated'
  | 'declined'
  | 'scored'
  | 'shortlisted'
  | 'not-shortlisted'
  | 'selected'
  | 'jury-opened'
  | 'ballot-complete'
  | 'jury-closed'
  | 'announced'
  | 'awarded'
  | 'not-awarded';

export interface AwardMailFacts {
  /** The city, or the empty string for mails about the whole cycle. */
  city: string;
  cycle: string;
  /** A date (YYYY-MM-DD, UTC): the deadline that comes next. */
  date: string;
}

type Texts = Record<AwardMailEvent, (f: AwardMailFacts) => string>;

const TEXTS: Record<Lang, Texts> = {
  en: {
    'cycle-opened': (f) =>
      `${f.cycle} is open: member cities may apply for the UNESCO Learning City Award until ${f.date}.`,
    submitted: (f) =>
      `${f.city} has applied for the UNESCO Learning City Award (${f.cycle}). The National Commission for UNESCO nominates or declines it by ${f.date}.`,
    nominated: (f) =>
      `The National Commission has nominated ${f.city} for the UNESCO Learning City Award (${f.cycle}). Its application is ready for review.`,
    declined: (f) =>
      `The National Commission has not nominated ${f.city} for the UNESCO Learning City Award (${f.cycle}).`,
    scored: (f) => `A reviewer has scored every criterion of the application of ${f.city} (${f.cycle}).`,
    shortlisted: (f) => `${f.city} is on the shortlist of the UNESCO Learning City Award (${f.cycle}).`,
    'not-shortlisted': (f) => `${f.city} is not on the shortlist of the UNESCO Learning City Award (${f.cycle}).`,
    selected: (f) => `${f.city} has been selected for the UNESCO Learning City Award (${f.cycle}).`,
    'jury-opened': (f) => `The jury of ${f.cycle} is open: the shortlisted applications await your vote.`,
    'ballot-complete': (f) => `A jury member has voted on every shortlisted application of ${f.cycle}.`,
    'jury-closed': (f) => `The jury of ${f.cycle} has closed: the votes can now be read.`,
    announced: (f) => `The awardees of ${f.cycle} have been announced.`,
    awarded: (f) => `${f.city} receives the UNESCO Learning City Award (${f.cycle}). Congratulations!`,
    'not-awarded': (f) => `${f.city} does not receive the UNESCO Learning City Award this time (${f.cycle}).`,
  },
  fr: {
    'cycle-opened': (f) =>
      `${f.cycle} est ouvert : les villes membres peuvent se porter candidates au Prix UNESCO des villes apprenantes jusqu'au ${f.date}.`,
    submitted: (f) =>
      `${f.city} est candidate au Prix UNESCO des villes apprenantes (${f.cycle}). La Commission nationale pour l'UNESCO la nomine ou la refuse d'ici le ${f.date}.`,
    nominated: (f) =>
      `La Commission nationale a nominé ${f.city} pour le Prix UNESCO des villes apprenantes (${f.cycle}). Sa candidature est prête pour l'évaluation.`,
    declined: (f) =>
      `La Commission nationale n'a pas nominé ${f.city} pour le Prix UNESCO des villes apprenantes (${f.cycle}).`,
    scored: (f) => `Un évaluateur a noté chaque critère de la candidature de ${f.city} (${f.cycle}).`,
    shortlisted: (f) => `${f.city} figure sur la liste restreinte du Prix UNESCO des villes apprenantes (${f.cycle}).`,
    'not-shortlisted': (f) =>
      `${f.city} ne figure pas sur la liste restreinte du Prix UNESCO des villes apprenantes (${f.cycle}).`,
    selected: (f) => `${f.city} a été retenue pour le Prix UNESCO des villes apprenantes (${f.cycle}).`,
    'jury-opened': (f) => `Le jury de ${f.cycle} est ouvert : les candidatures retenues attendent votre vote.`,
    'ballot-complete': (f) => `Un membre du jury a voté sur chaque candidature retenue de ${f.cycle}.`,
    'jury-closed': (f) => `Le jury de ${f.cycle} est clos : les votes peuvent maintenant être lus.`,
    announced: (f) => `Les lauréats de ${f.cycle} ont été annoncés.`,
    awarded: (f) => `${f.city} reçoit le Prix UNESCO des villes apprenantes (${f.cycle}). Félicitations !`,
    'not-awarded': (f) => `${f.city} ne reçoit pas le Prix UNESCO des villes apprenantes cette fois (${f.cycle}).`,
  },
  es: {
    'cycle-opened': (f) =>
      `${f.cycle} está abierto: las ciudades miembros pueden postularse al Premio UNESCO de Ciudades del Aprendizaje hasta el ${f.date}.`,
    submitted: (f) =>
      `${f.city} se ha postulado al Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}). La Comisión Nacional para la UNESCO la nomina o la rechaza a más tardar el ${f.date}.`,
    nominated: (f) =>
      `La Comisión Nacional ha nominado a ${f.city} al Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}). Su candidatura está lista para la evaluación.`,
    declined: (f) =>
      `La Comisión Nacional no ha nominado a ${f.city} al Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}).`,
    scored: (f) => `Un evaluador ha puntuado todos los criterios de la candidatura de ${f.city} (${f.cycle}).`,
    shortlisted: (f) =>
      `${f.city} figura en la lista corta del Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}).`,
    'not-shortlisted': (f) =>
      `${f.city} no figura en la lista corta del Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}).`,
    selected: (f) => `${f.city} ha sido seleccionada para el Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}).`,
    'jury-opened': (f) => `El jurado de ${f.cycle} está abierto: las candidaturas preseleccionadas esperan su voto.`,
    'ballot-complete': (f) => `Un miembro del jurado ha votado todas las candidaturas preseleccionadas de ${f.cycle}.`,
    'jury-closed': (f) => `El jurado de ${f.cycle} se ha cerrado: ya pueden leerse los votos.`,
    announced: (f) => `Se han anunciado las ciudades galardonadas de ${f.cycle}.`,
    awarded: (f) => `${f.city} recibe el Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}). ¡Enhorabuena!`,
    'not-awarded': (f) => `${f.city} no recibe esta vez el Premio UNESCO de Ciudades del Aprendizaje (${f.cycle}).`,
  },
  ar: {
    'cycle-opened': (f) => `${f.cycle} مفتوحة: يمكن للمدن الأعضاء التقدّم لجائزة اليونسكو لمدن التعلّم حتى ${f.date}.`,
    submitted: (f) =>
      `تقدّمت ${f.city} لجائزة اليونسكو لمدن التعلّم (${f.cycle}). ترشّحها اللجنة الوطنية لليونسكو أو ترفضها في موعد أقصاه ${f.date}.`,
    nominated: (f) => `رشّحت اللجنة الوطنية ${f.city} لجائزة اليونسكو لمدن التعلّم (${f.cycle}). طلبها جاهز للتقييم.`,
    declined: (f) => `لم ترشّح اللجنة الوطنية ${f.city} لجائزة اليونسكو لمدن التعلّم (${f.cycle}).`,
    scored: (f) => `قيّم أحد المقيّمين جميع معايير طلب ${f.city} (${f.cycle}).`,
    shortlisted: (f) => `${f.city} ضمن القائمة القصيرة لجائزة اليونسكو لمدن التعلّم (${f.cycle}).`,
    'not-shortlisted': (f) => `${f.city} ليست ضمن القائمة القصيرة لجائزة اليونسكو لمدن التعلّم (${f.cycle}).`,
    selected: (f) => `اختيرت ${f.city} لجائزة اليونسكو لمدن التعلّم (${f.cycle}).`,
    'jury-opened': (f) => `لجنة تحكيم ${f.cycle} مفتوحة: الطلبات المدرجة في القائمة القصيرة بانتظار تصويتكم.`,
    'ballot-complete': (f) => `صوّت أحد أعضاء لجنة التحكيم على جميع الطلبات المدرجة في القائمة القصيرة لـ${f.cycle}.`,
    'jury-closed': (f) => `أُغلقت لجنة تحكيم ${f.cycle}: يمكن الآن الاطلاع على الأصوات.`,
    announced: (f) => `أُعلنت المدن الفائزة في ${f.cycle}.`,
    awarded: (f) => `تحصل ${f.city} على جائزة اليونسكو لمدن التعلّم (${f.cycle}). تهانينا!`,
    'not-awarded': (f) => `لا تحصل ${f.city} على جائزة اليونسكو لمدن التعلّم هذه المرة (${f.cycle}).`,
  },
  zh: {
    'cycle-opened': (f) => `${f.cycle}已开放：成员城市可在${f.date}之前申请联合国教科文组织学习型城市奖。`,
    submitted: (f) =>
      `${f.city}已申请联合国教科文组织学习型城市奖（${f.cycle}）。联合国教科文组织全国委员会须在${f.date}之前提名或拒绝。`,
    nominated: (f) => `全国委员会已提名${f.city}参评联合国教科文组织学习型城市奖（${f.cycle}），其申请可进入评审。`,
    declined: (f) => `全国委员会未提名${f.city}参评联合国教科文组织学习型城市奖（${f.cycle}）。`,
    scored: (f) => `一位评审员已为${f.city}申请（${f.cycle}）的每项标准打分。`,
    shortlisted: (f) => `${f.city}已入围联合国教科文组织学习型城市奖（${f.cycle}）。`,
    'not-shortlisted': (f) => `${f.city}未入围联合国教科文组织学习型城市奖（${f.cycle}）。`,
    selected: (f) => `${f.city}已被选为联合国教科文组织学习型城市奖（${f.cycle}）获奖城市。`,
    'jury-opened': (f) => `${f.cycle}评审团已开启：入围申请等待您投票。`,
    'ballot-complete': (f) => `一位评审团成员已对${f.cycle}的所有入围申请投票。`,
    'jury-closed': (f) => `${f.cycle}评审团已关闭：现在可以查看投票结果。`,
    announced: (f) => `${f.cycle}的获奖城市已公布。`,
    awarded: (f) => `${f.city}荣获联合国教科文组织学习型城市奖（${f.cycle}）。祝贺！`,
    'not-awarded': (f) => `${f.city}本次未获得联合国教科文组织学习型城市奖（${f.cycle}）。`,
  },
  ru: {
    'cycle-opened': (f) =>
      `${f.cycle} открыт: города-члены могут подать заявку на Премию ЮНЕСКО для обучающихся городов до ${f.date}.`,
    submitted: (f) =>
      `${f.city} подаёт заявку на Премию ЮНЕСКО для обучающихся городов (${f.cycle}). Национальная комиссия по делам ЮНЕСКО выдвигает или отклоняет её до ${f.date}.`,
    nominated: (f) =>
      `Национальная комиссия выдвинула ${f.city} на Премию ЮНЕСКО для обучающихся городов (${f.cycle}). Заявка готова к оценке.`,
    declined: (f) =>
      `Национальная комиссия не выдвинула ${f.city} на Премию ЮНЕСКО для обучающихся городов (${f.cycle}).`,
    scored: (f) => `Эксперт оценил все критерии заявки ${f.city} (${f.cycle}).`,
    shortlisted: (f) => `${f.city} вошёл(а) в короткий список Премии ЮНЕСКО для обучающихся городов (${f.cycle}).`,
    'not-shortlisted': (f) =>
      `${f.city} не вошёл(а) в короткий список Премии ЮНЕСКО для обучающихся городов (${f.cycle}).`,
    selected: (f) => `${f.city} выбран(а) для Премии ЮНЕСКО для обучающихся городов (${f.cycle}).`,
    'jury-opened': (f) => `Жюри ${f.cycle} открыто: заявки короткого списка ждут вашего голоса.`,
    'ballot-complete': (f) => `Член жюри проголосовал по всем заявкам короткого списка ${f.cycle}.`,
    'jury-closed': (f) => `Жюри ${f.cycle} закрыто: голоса теперь можно прочитать.`,
    announced: (f) => `Лауреаты ${f.cycle} объявлены.`,
    awarded: (f) => `${f.city} получает Премию ЮНЕСКО для обучающихся городов (${f.cycle}). Поздравляем!`,
    'not-awarded': (f) => `${f.city} на этот раз не получает Премию ЮНЕСКО для обучающихся городов (${f.cycle}).`,
  },
};

export function awardMail(lang: Lang, event: AwardMailEvent, facts: AwardMailFacts, link: string) {
  const line = TEXTS[lang][event](facts);
  return { subject: line, text: `${line}\n\n${link}\n` };
}
