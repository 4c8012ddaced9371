import { catalogue } from '../catalogue/catalogue.ts';
import { TRANSLATED_LANGS, translationsFor } from '../catalogue/translations/index.ts';
import { catalogueKey } from '../catalogue/types.ts';
import type { Translations } from '../i18n/languages.ts';
import type { Choice, MeasurementEstimator, Question, SurveyKind } from './types.ts';

/*
 * The questions behind the Key Features' survey measurements, worded from each measurement's definition.
 * English is the source; the other five languages are unofficial translations (see SURVEY_TRANSLATION_NOTICES).
 */

const yes: Translations = { en: 'Yes', fr: 'Oui', es: 'Sí', ar: 'نعم', zh: '是', ru: 'Да' };
const no: Translations = { en: 'No', fr: 'Non', es: 'No', ar: 'لا', zh: '否', ru: 'Нет' };

/** Yes / No, stored as 'yes' and 'no'. */
export const YES_NO: readonly Choice[] = [
  { code: 'yes', texts: yes },
  { code: 'no', texts: no },
];

/** The catalogue's 5 Excellent … 1 Poor scale with its translations, best first, stored as '5' … '1'. */
export const RATING_CHOICES: readonly Choice[] = [...catalogue.ratingLabels]
  .sort((a, b) => b.value - a.value)
  .map((r) => {
    const texts: Translations = { en: r.label };
    for (const lang of TRANSLATED_LANGS) {
      const text = translationsFor(lang)[catalogueKey('rating', r.value)];
      if (text !== undefined) texts[lang] = text;
    }
    return { code: String(r.value), texts };
  });

/** Age groups of residents aged 15 and over (the citizen survey's population). */
export const ADULT_AGE_GROUPS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
/** The age groups 2.1.3a counts (25–64). */
export const WORKING_AGE_GROUPS = ['25-34', '35-44', '45-54', '55-64'] as const;

function ageChoice(code: string): Choice {
  if (code === 'under-15') {
    return {
      code,
      texts: {
        en: 'Under 15',
        fr: 'Moins de 15 ans',
        es: 'Menos de 15',
        ar: 'أقل من 15',
        zh: '15岁以下',
        ru: 'Младше 15',
      },
    };
  }
  if (code === '65+') {
    return {
      code,
      texts: {
        en: '65 or over',
        fr: '65 ans ou plus',
        es: '65 o más',
        ar: '65 أو أكثر',
        zh: '65岁及以上',
        ru: '65 и старше',
      },
    };
  }
  const [from, to] = code.split('-');
  return {
    code,
    texts: {
      en: `${from}–${to}`,
      fr: `${from} à ${to} ans`,
      es: `${from} a ${to}`,
      // Isolated left to right, or the range reads backwards ('24–15') in a right-to-left line.
      ar: `\u2066${from}–${to}\u2069`,
      zh: `${from}–${to}岁`,
      ru: `${from}–${to}`,
    },
  };
}

const SEX: Question = {
  id: 'sex',
  block: 'demographic',
  type: 'single',
  required: true,
  texts: { en: 'Are you…', fr: 'Vous êtes…', es: 'Usted es…', ar: 'هل أنت…', zh: '您的性别', ru: 'Ваш пол' },
  choices: [
    { code: 'female', texts: { en: 'Female', fr: 'Une femme', es: 'Mujer', ar: 'أنثى', zh: '女', ru: 'Женский' } },
    { code: 'male', texts: { en: 'Male', fr: 'Un homme', es: 'Hombre', ar: 'ذكر', zh: '男', ru: 'Мужской' } },
  ],
};

function ageQuestion(groups: readonly string[]): Question {
  return {
    id: 'age_group',
    block: 'demographic',
    type: 'single',
    required: true,
    texts: {
      en: 'How old are you?',
      fr: 'Quel âge avez-vous ?',
      es: '¿Qué edad tiene?',
      ar: 'كم عمرك؟',
      zh: '您的年龄是？',
      ru: 'Сколько вам лет?',
    },
    choices: groups.map(ageChoice),
  };
}

/** The district question: its choices are the city's districts, filled in when the instrument is built. */
export const DISTRICT_QUESTION: Question = {
  id: 'district',
  block: 'demographic',
  type: 'single',
  required: true,
  texts: {
    en: 'In which district do you live?',
    fr: 'Dans quel quartier ou arrondissement habitez-vous ?',
    es: '¿En qué distrito vive?',
    ar: 'في أي حي تسكن؟',
    zh: '您住在哪个区？',
    ru: 'В каком районе вы живёте?',
  },
  choices: [],
};

const EMPLOYMENT: Question = {
  id: 'employment',
  block: 'demographic',
  type: 'single',
  required: false,
  texts: {
    en: 'What is your main activity?',
    fr: 'Quelle est votre activité principale ?',
    es: '¿Cuál es su actividad principal?',
    ar: 'ما هو نشاطك الرئيسي؟',
    zh: '您目前的主要活动是？',
    ru: 'Каково ваше основное занятие?',
  },
  choices: [
    {
      code: 'employed',
      texts: {
        en: 'Employed or self-employed',
        fr: 'En emploi (salarié ou indépendant)',
        es: 'Empleado o por cuenta propia',
        ar: 'موظف أو أعمل لحسابي الخاص',
        zh: '受雇或自雇',
        ru: 'Работаю (по найму или на себя)',
      },
    },
    {
      code: 'unemployed',
      texts: {
        en: 'Unemployed',
        fr: 'Sans emploi',
        es: 'Desempleado',
        ar: 'عاطل عن العمل',
        zh: '失业',
        ru: 'Безработный',
      },
    },
    {
      code: 'student',
      texts: {
        en: 'In education',
        fr: 'En formation ou aux études',
        es: 'Estudiando',
        ar: 'طالب',
        zh: '在读学生',
        ru: 'Учусь',
      },
    },
    {
      code: 'retired',
      texts: { en: 'Retired', fr: 'Retraité', es: 'Jubilado', ar: 'متقاعد', zh: '退休', ru: 'На пенсии' },
    },
    {
      code: 'other',
      texts: {
        en: 'Other (home duties, unable to work, …)',
        fr: 'Autre (au foyer, en incapacité de travailler, …)',
        es: 'Otra (labores del hogar, incapacidad, …)',
        ar: 'غير ذلك (أعمال منزلية، عدم القدرة على العمل، …)',
        zh: '其他（料理家务、无法工作等）',
        ru: 'Другое (домашнее хозяйство, нетрудоспособность, …)',
      },
    },
  ],
};

const DISADVANTAGED: Question = {
  id: 'disadvantaged',
  block: 'demographic',
  type: 'single',
  required: false,
  texts: {
    en: 'Would you say that you come from a disadvantaged social background?',
    fr: 'Diriez-vous que vous êtes issu(e) d’un milieu social défavorisé ?',
    es: '¿Diría que proviene de un entorno social desfavorecido?',
    ar: 'هل تعتبر أنك تنحدر من خلفية اجتماعية محرومة؟',
    zh: '您认为自己出身于社会弱势背景吗？',
    ru: 'Можете ли вы сказать, что происходите из неблагополучной социальной среды?',
  },
  choices: YES_NO,
};

const SETTING: Question = {
  id: 'setting',
  block: 'demographic',
  type: 'single',
  required: true,
  texts: {
    en: 'Where do you mainly learn or teach?',
    fr: 'Où apprenez-vous ou enseignez-vous principalement ?',
    es: '¿Dónde aprende o enseña principalmente?',
    ar: 'أين تتعلم أو تُدرّس أساسًا؟',
    zh: '您主要在哪里学习或任教？',
    ru: 'Где вы в основном учитесь или преподаёте?',
  },
  choices: [
    {
      code: 'schools',
      texts: { en: 'A school', fr: 'Dans une école', es: 'En una escuela', ar: 'في مدرسة', zh: '学校', ru: 'В школе' },
    },
    {
      code: 'community-learning-spaces',
      texts: {
        en: 'A community learning space (library, community centre, …)',
        fr: 'Dans un espace d’apprentissage communautaire (bibliothèque, centre communautaire, …)',
        es: 'En un espacio comunitario de aprendizaje (biblioteca, centro comunitario, …)',
        ar: 'في فضاء تعلّم مجتمعي (مكتبة، مركز مجتمعي، …)',
        zh: '社区学习场所（图书馆、社区中心等）',
        ru: 'В общественном месте обучения (библиотека, общественный центр, …)',
      },
    },
  ],
};

/** The standard demographic block of each instrument, in the order it is asked. */
export function demographicBlock(kind: SurveyKind): Question[] {
  if (kind === 'citizen') return [SEX, ageQuestion(ADULT_AGE_GROUPS), DISTRICT_QUESTION, EMPLOYMENT, DISADVANTAGED];
  if (kind === 'learner') return [SEX, ageQuestion(['under-15', ...ADULT_AGE_GROUPS]), DISTRICT_QUESTION, SETTING];
  return [SEX, ageQuestion(ADULT_AGE_GROUPS), DISTRICT_QUESTION, SETTING];
}

/** A catalogue survey measurement's question and how its answers become the measurement. */
export interface BankEntry {
  kind: SurveyKind;
  question: Question;
  estimator: Omit<MeasurementEstimator, 'question' | 'measurementId'>;
}

function yesNo(id: string, measurementId: string, texts: Translations, extra: Partial<Question> = {}): Question {
  return {
    id,
    block: 'measurement',
    type: 'single',
    required: false,
    measurementId,
    texts,
    choices: YES_NO,
    ...extra,
  } as Question;
}

function rating(id: string, measurementId: string, texts: Translations): Question {
  return { id, block: 'measurement', type: 'single', required: false, measurementId, texts, choices: RATING_CHOICES };
}

const share = { statistic: 'proportion', levels: ['yes'], scale: 100, unit: 'percent' } as const;
const meanRating = { statistic: 'mean', scale: 1, unit: 'rating-1-5' } as const;
const bySetting = { question: 'setting', dimension: 'setting' } as const;

/**
 * Every catalogue measurement measured by a survey of people, with its question. 1.1.3b (women's seats on the
 * boards of the top 10 enterprises) is marked 'survey' in the catalogue but surveys enterprises, not people:
 * it is entered as an official figure and has no question here.
 */
export const QUESTION_BANK: Readonly<Record<string, BankEntry>> = {
  '1.1.2b': {
    kind: 'citizen',
    question: yesNo('volunteering', '1.1.2b', {
      en: 'In the last 12 months, did you do any unpaid volunteering or community activities?',
      fr: 'Au cours des 12 derniers mois, avez-vous fait du bénévolat ou participé à des activités communautaires ?',
      es: 'En los últimos 12 meses, ¿realizó algún voluntariado no remunerado o actividades comunitarias?',
      ar: 'خلال الأشهر الاثني عشر الماضية، هل قمت بأي عمل تطوعي غير مدفوع الأجر أو أنشطة مجتمعية؟',
      zh: '在过去12个月中，您是否参加过无偿志愿服务或社区活动？',
      ru: 'За последние 12 месяцев занимались ли вы неоплачиваемым волонтёрством или общественной деятельностью?',
    }),
    estimator: share,
  },
  '1.1.4b': {
    kind: 'citizen',
    question: yesNo(
      'children_mobility',
      '1.1.4b',
      {
        en: 'Do you believe that your children will enjoy a higher social status than yourself?',
        fr: 'Pensez-vous que vos enfants auront un statut social plus élevé que le vôtre ?',
        es: '¿Cree que sus hijos tendrán un estatus social más alto que el suyo?',
        ar: 'هل تعتقد أن أبناءك سيحظون بمكانة اجتماعية أعلى من مكانتك؟',
        zh: '您认为您的子女将来的社会地位会比您高吗？',
        ru: 'Считаете ли вы, что ваши дети будут иметь более высокий социальный статус, чем вы?',
      },
      { relevant: { question: 'disadvantaged', anyOf: ['yes'] } },
    ),
    estimator: { ...share, universe: { question: 'disadvantaged', anyOf: ['yes'] } },
  },
  '1.2.4a': {
    kind: 'citizen',
    question: {
      id: 'cultural_visits',
      block: 'measurement',
      type: 'number',
      required: false,
      measurementId: '1.2.4a',
      min: 0,
      max: 100,
      integer: true,
      texts: {
        en: 'In a typical month, how many times do you go to a museum, theatre, cinema, concert hall or sporting event?',
        fr: 'Au cours d’un mois ordinaire, combien de fois allez-vous au musée, au théâtre, au cinéma, au concert ou à un événement sportif ?',
        es: 'En un mes normal, ¿cuántas veces va a un museo, teatro, cine, sala de conciertos o evento deportivo?',
        ar: 'في شهر عادي، كم مرة تذهب إلى متحف أو مسرح أو سينما أو قاعة حفلات أو حدث رياضي؟',
        zh: '在通常的一个月里，您去博物馆、剧院、电影院、音乐厅或体育赛事多少次？',
        ru: 'Сколько раз в обычный месяц вы посещаете музей, театр, кино, концертный зал или спортивное мероприятие?',
      },
    },
    estimator: { statistic: 'mean', scale: 1, unit: 'visits-per-month' },
  },
  '1.2.5a': {
    kind: 'citizen',
    question: yesNo('exercise', '1.2.5a', {
      en: 'Do you take part in physical exercise or sports at least five times a week?',
      fr: 'Pratiquez-vous une activité physique ou sportive au moins cinq fois par semaine ?',
      es: '¿Practica ejercicio físico o deporte al menos cinco veces por semana?',
      ar: 'هل تمارس التمارين البدنية أو الرياضة خمس مرات في الأسبوع على الأقل؟',
      zh: '您每周是否至少进行五次体育锻炼或运动？',
      ru: 'Занимаетесь ли вы физическими упражнениями или спортом не реже пяти раз в неделю?',
    }),
    estimator: share,
  },
  '1.3.2b': {
    kind: 'citizen',
    question: rating('transport_rating', '1.3.2b', {
      en: 'How would you rate the public transportation system of your city?',
      fr: 'Comment évaluez-vous le système de transports publics de votre ville ?',
      es: '¿Cómo valora el sistema de transporte público de su ciudad?',
      ar: 'كيف تقيّم نظام النقل العام في مدينتك؟',
      zh: '您如何评价您所在城市的公共交通系统？',
      ru: 'Как вы оцениваете систему общественного транспорта вашего города?',
    }),
    estimator: meanRating,
  },
  '1.3.3b': {
    kind: 'citizen',
    question: rating('environment_rating', '1.3.3b', {
      en: 'How would you rate your own behaviour in terms of environmental responsibility (saving energy and water, recycling, …)?',
      fr: 'Comment évaluez-vous votre propre comportement en matière de responsabilité environnementale (économies d’énergie et d’eau, recyclage, …) ?',
      es: '¿Cómo valora su propio comportamiento en cuanto a responsabilidad ambiental (ahorro de energía y agua, reciclaje, …)?',
      ar: 'كيف تقيّم سلوكك الشخصي من حيث المسؤولية البيئية (توفير الطاقة والمياه، إعادة التدوير، …)؟',
      zh: '您如何评价自己在环境责任方面的行为（节约能源和用水、回收利用等）？',
      ru: 'Как вы оцениваете своё собственное поведение с точки зрения ответственности за окружающую среду (экономия энергии и воды, переработка отходов, …)?',
    }),
    estimator: meanRating,
  },
  '2.1.3a': {
    kind: 'citizen',
    question: yesNo('adult_learning', '2.1.3a', {
      en: 'In the last 12 months, did you take part in any education or training (courses, classes, workshops, …)?',
      fr: 'Au cours des 12 derniers mois, avez-vous suivi un enseignement ou une formation (cours, ateliers, …) ?',
      es: 'En los últimos 12 meses, ¿participó en alguna actividad de educación o formación (cursos, clases, talleres, …)?',
      ar: 'خلال الأشهر الاثني عشر الماضية، هل شاركت في أي تعليم أو تدريب (دورات، صفوف، ورش عمل، …)؟',
      zh: '在过去12个月中，您是否参加过任何教育或培训（课程、讲座、工作坊等）？',
      ru: 'За последние 12 месяцев проходили ли вы какое-либо обучение или подготовку (курсы, занятия, семинары, …)?',
    }),
    estimator: { ...share, universe: { question: 'age_group', anyOf: WORKING_AGE_GROUPS } },
  },
  '2.2.2b': {
    kind: 'citizen',
    question: yesNo('family_learning', '2.2.2b', {
      en: 'In the last 12 months, did you take part in learning activities with your family (reading together, learning a skill from or with relatives, …)?',
      fr: 'Au cours des 12 derniers mois, avez-vous participé à des activités d’apprentissage en famille (lire ensemble, apprendre un savoir-faire avec des proches, …) ?',
      es: 'En los últimos 12 meses, ¿participó en actividades de aprendizaje en familia (leer juntos, aprender una habilidad con familiares, …)?',
      ar: 'خلال الأشهر الاثني عشر الماضية، هل شاركت في أنشطة تعلّم مع أسرتك (القراءة معًا، تعلّم مهارة من الأقارب أو معهم، …)؟',
      zh: '在过去12个月中，您是否与家人一起参加过学习活动（一起阅读、向亲属学习或与亲属一起学习技能等）？',
      ru: 'За последние 12 месяцев участвовали ли вы в семейных учебных занятиях (совместное чтение, освоение навыков с родственниками, …)?',
    }),
    estimator: share,
  },
  '2.3.1a': {
    kind: 'citizen',
    question: yesNo(
      'job_training',
      '2.3.1a',
      {
        en: 'In the last 12 months, did you take part in education or training related to your job?',
        fr: 'Au cours des 12 derniers mois, avez-vous suivi un enseignement ou une formation liés à votre emploi ?',
        es: 'En los últimos 12 meses, ¿participó en educación o formación relacionada con su trabajo?',
        ar: 'خلال الأشهر الاثني عشر الماضية، هل شاركت في تعليم أو تدريب مرتبط بعملك؟',
        zh: '在过去12个月中，您是否参加过与工作相关的教育或培训？',
        ru: 'За последние 12 месяцев проходили ли вы обучение или подготовку, связанные с вашей работой?',
      },
      { relevant: { question: 'employment', anyOf: ['employed'] } },
    ),
    estimator: { ...share, universe: { question: 'employment', anyOf: ['employed'] } },
  },
  '2.4.2b': {
    kind: 'citizen',
    question: yesNo('internet_access', '2.4.2b', {
      en: 'Do you have access to the internet at home or through a shared connection?',
      fr: 'Avez-vous accès à Internet chez vous ou par une connexion partagée ?',
      es: '¿Tiene acceso a internet en su hogar o mediante una conexión compartida?',
      ar: 'هل لديك إمكانية الوصول إلى الإنترنت في المنزل أو عبر اتصال مشترك؟',
      zh: '您在家中或通过共享连接能够上网吗？',
      ru: 'Есть ли у вас доступ к интернету дома или через общее подключение?',
    }),
    estimator: share,
  },
  '2.4.2c': {
    kind: 'citizen',
    question: {
      id: 'online_learning_hours',
      block: 'measurement',
      type: 'number',
      required: false,
      measurementId: '2.4.2c',
      min: 0,
      max: 168,
      integer: false,
      texts: {
        en: 'On average, how many hours a week do you use the internet for learning?',
        fr: 'En moyenne, combien d’heures par semaine utilisez-vous Internet pour apprendre ?',
        es: 'En promedio, ¿cuántas horas a la semana usa internet para aprender?',
        ar: 'في المتوسط، كم ساعة في الأسبوع تستخدم الإنترنت لأغراض التعلّم؟',
        zh: '平均而言，您每周使用互联网学习多少小时？',
        ru: 'Сколько часов в неделю в среднем вы используете интернет для обучения?',
      },
    },
    estimator: { statistic: 'mean', scale: 1, unit: 'hours-per-week' },
  },
  '2.5.2a': {
    kind: 'citizen',
    question: yesNo('other_cultures', '2.5.2a', {
      en: 'Do you socialise with people from other cultures on a regular basis?',
      fr: 'Fréquentez-vous régulièrement des personnes d’autres cultures ?',
      es: '¿Se relaciona de forma habitual con personas de otras culturas?',
      ar: 'هل تختلط بانتظام بأشخاص من ثقافات أخرى؟',
      zh: '您是否经常与来自其他文化的人交往？',
      ru: 'Регулярно ли вы общаетесь с людьми других культур?',
    }),
    estimator: share,
  },
  '3.3.4a': {
    kind: 'citizen',
    question: yesNo('helping_others_learn', '3.3.4a', {
      en: 'In the last 12 months, did you help other people learn, by sharing your skills, knowledge or experience, at least once a month?',
      fr: 'Au cours des 12 derniers mois, avez-vous aidé d’autres personnes à apprendre, en partageant vos compétences, connaissances ou expériences, au moins une fois par mois ?',
      es: 'En los últimos 12 meses, ¿ayudó a otras personas a aprender, compartiendo sus habilidades, conocimientos o experiencia, al menos una vez al mes?',
      ar: 'خلال الأشهر الاثني عشر الماضية، هل ساعدت أشخاصًا آخرين على التعلّم، بمشاركة مهاراتك أو معارفك أو خبرتك، مرة واحدة في الشهر على الأقل؟',
      zh: '在过去12个月中，您是否至少每月一次通过分享自己的技能、知识或经验帮助他人学习？',
      ru: 'За последние 12 месяцев помогали ли вы другим людям учиться, делясь своими навыками, знаниями или опытом, не реже раза в месяц?',
    }),
    estimator: share,
  },
  '2.5.4a': {
    kind: 'learner',
    question: yesNo('learning_environment', '2.5.4a', {
      en: 'Are you satisfied with your learning environment?',
      fr: 'Êtes-vous satisfait(e) de votre environnement d’apprentissage ?',
      es: '¿Está satisfecho con su entorno de aprendizaje?',
      ar: 'هل أنت راضٍ عن بيئة التعلّم الخاصة بك؟',
      zh: '您对您的学习环境满意吗？',
      ru: 'Удовлетворены ли вы своей учебной средой?',
    }),
    estimator: { ...share, breakdownBy: bySetting },
  },
  '2.6.2a': {
    kind: 'learner',
    question: yesNo('learner_information', '2.6.2a', {
      en: 'Are you satisfied with the information and counselling offered to learners?',
      fr: 'Êtes-vous satisfait(e) de l’information et de l’orientation offertes aux apprenants ?',
      es: '¿Está satisfecho con la información y la orientación que se ofrecen a los estudiantes?',
      ar: 'هل أنت راضٍ عن المعلومات والإرشاد المقدَّمَين للمتعلمين؟',
      zh: '您对向学习者提供的信息和咨询服务满意吗？',
      ru: 'Удовлетворены ли вы информацией и консультациями, которые предлагаются учащимся?',
    }),
    estimator: share,
  },
  '2.4.1a': {
    kind: 'educator',
    question: yesNo('ict_training', '2.4.1a', {
      en: 'In the last 12 months, did you receive training in using information and communication technology (ICT)?',
      fr: 'Au cours des 12 derniers mois, avez-vous reçu une formation à l’utilisation des technologies de l’information et de la communication (TIC) ?',
      es: 'En los últimos 12 meses, ¿recibió formación en el uso de tecnologías de la información y la comunicación (TIC)?',
      ar: 'خلال الأشهر الاثني عشر الماضية، هل تلقيت تدريبًا على استخدام تكنولوجيا المعلومات والاتصالات؟',
      zh: '在过去12个月中，您是否接受过信息和通信技术（ICT）使用方面的培训？',
      ru: 'За последние 12 месяцев проходили ли вы обучение использованию информационно-коммуникационных технологий (ИКТ)?',
    }),
    estimator: { ...share, breakdownBy: bySetting },
  },
  '2.4.1b': {
    kind: 'educator',
    question: yesNo('ict_use', '2.4.1b', {
      en: 'Do you use ICT (computers, tablets, the internet, …) on a regular basis for class activities?',
      fr: 'Utilisez-vous régulièrement les TIC (ordinateurs, tablettes, Internet, …) pour les activités de classe ?',
      es: '¿Utiliza las TIC (computadoras, tabletas, internet, …) de forma habitual en las actividades de clase?',
      ar: 'هل تستخدم تكنولوجيا المعلومات والاتصالات (الحواسيب، الأجهزة اللوحية، الإنترنت، …) بانتظام في أنشطة الصف؟',
      zh: '您是否经常在课堂活动中使用信息和通信技术（电脑、平板电脑、互联网等）？',
      ru: 'Регулярно ли вы используете ИКТ (компьютеры, планшеты, интернет, …) на занятиях?',
    }),
    estimator: { ...share, breakdownBy: bySetting },
  },
};

/** Catalogue measurements marked 'survey' that no survey of people can measure, with the reason. */
export const NOT_SURVEYED: Readonly<Record<string, string>> = {
  '1.1.3b': 'Women’s seats on the boards of the top 10 enterprises come from the enterprises, not from residents.',
};

/** The measurements an instrument of this kind can carry, in catalogue order. */
export function measurementsOfKind(kind: SurveyKind): string[] {
  return Object.keys(QUESTION_BANK)
    .filter((id) => QUESTION_BANK[id]?.kind === kind)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
