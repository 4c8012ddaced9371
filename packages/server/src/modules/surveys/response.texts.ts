import type { Lang, SurveyKind } from '@lco/core';

/** The words of the public response page around the questions, in the six languages. */
export interface PageTexts {
  title: Record<SurveyKind, string>;
  intro: (city: string) => string;
  anonymous: string;
  start: string;
  next: string;
  back: string;
  submit: string;
  pageOf: (n: number, total: number) => string;
  required: string;
  saved: string;
  language: string;
  errorSummary: string;
  errors: {
    required: string;
    'not-a-choice': string;
    'not-a-number': string;
    'not-whole': string;
    'out-of-range': (min: number, max: number) => string;
    'unknown-question': string;
  };
  thanks: string;
  already: string;
  notYetOpen: (date: string) => string;
  closed: (date: string) => string;
  notFound: string;
  tooMany: (minutes: number) => string;
  incomplete: string;
}

export const PAGE_TEXTS: Readonly<Record<Lang, PageTexts>> = {
  en: {
    title: { citizen: 'Residents’ survey', learner: 'Learners’ survey', educator: 'Educators’ survey' },
    intro: (city) => `This survey helps ${city} measure its progress as a learning city. It takes about five minutes.`,
    anonymous: 'It is anonymous: we do not ask your name and we do not keep your internet address.',
    start: 'Start',
    next: 'Next',
    back: 'Back',
    submit: 'Send my answers',
    pageOf: (n, total) => `Page ${n} of ${total}`,
    required: 'required',
    saved: 'Your answers are saved page by page: you can come back to this address later.',
    language: 'Language',
    errorSummary: 'Some answers need your attention.',
    errors: {
      required: 'Please answer this question.',
      'not-a-choice': 'Please choose one of the answers.',
      'not-a-number': 'Please enter a number.',
      'not-whole': 'Please enter a whole number.',
      'out-of-range': (min, max) => `Please enter a number from ${min} to ${max}.`,
      'unknown-question': 'This is not a question of this survey.',
    },
    thanks: 'Thank you! Your answers have been received.',
    already: 'Your answers were already received. They count once.',
    notYetOpen: (date) => `This survey opens on ${date}.`,
    closed: (date) => `This survey closed on ${date}. Thank you for your interest.`,
    notFound: 'There is no survey at this address.',
    tooMany: (minutes) => `Too many answers came from your connection. Please try again in ${minutes} minute(s).`,
    incomplete: 'Some required answers are missing: please check the first page.',
  },
  fr: {
    title: {
      citizen: 'Enquête auprès des habitants',
      learner: 'Enquête auprès des apprenants',
      educator: 'Enquête auprès des éducateurs',
    },
    intro: (city) =>
      `Cette enquête aide ${city} à mesurer ses progrès en tant que ville apprenante. Elle prend environ cinq minutes.`,
    anonymous: 'Elle est anonyme : nous ne demandons pas votre nom et ne conservons pas votre adresse internet.',
    start: 'Commencer',
    next: 'Suivant',
    back: 'Retour',
    submit: 'Envoyer mes réponses',
    pageOf: (n, total) => `Page ${n} sur ${total}`,
    required: 'obligatoire',
    saved: 'Vos réponses sont enregistrées page par page : vous pouvez revenir à cette adresse plus tard.',
    language: 'Langue',
    errorSummary: 'Certaines réponses demandent votre attention.',
    errors: {
      required: 'Veuillez répondre à cette question.',
      'not-a-choice': 'Veuillez choisir l’une des réponses.',
      'not-a-number': 'Veuillez saisir un nombre.',
      'not-whole': 'Veuillez saisir un nombre entier.',
      'out-of-range': (min, max) => `Veuillez saisir un nombre entre ${min} et ${max}.`,
      'unknown-question': 'Ce n’est pas une question de cette enquête.',
    },
    thanks: 'Merci ! Vos réponses ont bien été reçues.',
    already: 'Vos réponses avaient déjà été reçues. Elles ne comptent qu’une fois.',
    notYetOpen: (date) => `Cette enquête ouvre le ${date}.`,
    closed: (date) => `Cette enquête a pris fin le ${date}. Merci de votre intérêt.`,
    notFound: 'Il n’y a pas d’enquête à cette adresse.',
    tooMany: (minutes) =>
      `Trop de réponses sont venues de votre connexion. Veuillez réessayer dans ${minutes} minute(s).`,
    incomplete: 'Des réponses obligatoires manquent : veuillez vérifier la première page.',
  },
  es: {
    title: {
      citizen: 'Encuesta a la ciudadanía',
      learner: 'Encuesta a estudiantes',
      educator: 'Encuesta a educadores',
    },
    intro: (city) =>
      `Esta encuesta ayuda a ${city} a medir su progreso como ciudad del aprendizaje. Dura unos cinco minutos.`,
    anonymous: 'Es anónima: no le pedimos su nombre ni guardamos su dirección de internet.',
    start: 'Empezar',
    next: 'Siguiente',
    back: 'Atrás',
    submit: 'Enviar mis respuestas',
    pageOf: (n, total) => `Página ${n} de ${total}`,
    required: 'obligatoria',
    saved: 'Sus respuestas se guardan página a página: puede volver a esta dirección más tarde.',
    language: 'Idioma',
    errorSummary: 'Algunas respuestas requieren su atención.',
    errors: {
      required: 'Por favor, responda a esta pregunta.',
      'not-a-choice': 'Por favor, elija una de las respuestas.',
      'not-a-number': 'Por favor, escriba un número.',
      'not-whole': 'Por favor, escriba un número entero.',
      'out-of-range': (min, max) => `Por favor, escriba un número entre ${min} y ${max}.`,
      'unknown-question': 'Esta no es una pregunta de esta encuesta.',
    },
    thanks: '¡Gracias! Hemos recibido sus respuestas.',
    already: 'Sus respuestas ya se habían recibido. Cuentan una sola vez.',
    notYetOpen: (date) => `Esta encuesta se abre el ${date}.`,
    closed: (date) => `Esta encuesta se cerró el ${date}. Gracias por su interés.`,
    notFound: 'No hay ninguna encuesta en esta dirección.',
    tooMany: (minutes) =>
      `Han llegado demasiadas respuestas desde su conexión. Inténtelo de nuevo en ${minutes} minuto(s).`,
    incomplete: 'Faltan respuestas obligatorias: revise la primera página.',
  },
  ar: {
    title: { citizen: 'استبيان السكان', learner: 'استبيان المتعلمين', educator: 'استبيان المربين' },
    intro: (city) => `يساعد هذا الاستبيان ${city} على قياس تقدمها بوصفها مدينة تعلّم. يستغرق نحو خمس دقائق.`,
    anonymous: 'الاستبيان مجهول الهوية: لا نسألك عن اسمك ولا نحتفظ بعنوانك على الإنترنت.',
    start: 'ابدأ',
    next: 'التالي',
    back: 'رجوع',
    submit: 'أرسل إجاباتي',
    pageOf: (n, total) => `الصفحة ${n} من ${total}`,
    required: 'إلزامي',
    saved: 'تُحفظ إجاباتك صفحةً بصفحة: يمكنك العودة إلى هذا العنوان لاحقًا.',
    language: 'اللغة',
    errorSummary: 'بعض الإجابات تحتاج إلى انتباهك.',
    errors: {
      required: 'يرجى الإجابة عن هذا السؤال.',
      'not-a-choice': 'يرجى اختيار إحدى الإجابات.',
      'not-a-number': 'يرجى إدخال رقم.',
      'not-whole': 'يرجى إدخال عدد صحيح.',
      'out-of-range': (min, max) => `يرجى إدخال رقم بين ${min} و${max}.`,
      'unknown-question': 'هذا ليس سؤالًا من أسئلة هذا الاستبيان.',
    },
    thanks: 'شكرًا لك! لقد تلقّينا إجاباتك.',
    already: 'لقد تلقّينا إجاباتك من قبل. تُحتسب مرة واحدة فقط.',
    notYetOpen: (date) => `يُفتح هذا الاستبيان في ${date}.`,
    closed: (date) => `أُغلق هذا الاستبيان في ${date}. شكرًا لاهتمامك.`,
    notFound: 'لا يوجد استبيان على هذا العنوان.',
    tooMany: (minutes) => `وصلت إجابات كثيرة جدًا من اتصالك. يرجى المحاولة مرة أخرى بعد ${minutes} دقيقة.`,
    incomplete: 'تنقص بعض الإجابات الإلزامية: يرجى مراجعة الصفحة الأولى.',
  },
  zh: {
    title: { citizen: '居民调查', learner: '学习者调查', educator: '教育工作者调查' },
    intro: (city) => `本调查帮助${city}衡量其作为学习型城市的进展，大约需要五分钟。`,
    anonymous: '本调查为匿名调查：我们不询问您的姓名，也不保存您的网络地址。',
    start: '开始',
    next: '下一页',
    back: '上一页',
    submit: '提交我的回答',
    pageOf: (n, total) => `第 ${n} 页，共 ${total} 页`,
    required: '必答',
    saved: '您的回答按页保存：您可以稍后回到此地址继续。',
    language: '语言',
    errorSummary: '有些回答需要您再看一下。',
    errors: {
      required: '请回答此问题。',
      'not-a-choice': '请选择其中一个答案。',
      'not-a-number': '请输入数字。',
      'not-whole': '请输入整数。',
      'out-of-range': (min, max) => `请输入 ${min} 到 ${max} 之间的数字。`,
      'unknown-question': '这不是本调查的问题。',
    },
    thanks: '谢谢！我们已收到您的回答。',
    already: '您的回答此前已经收到，只计算一次。',
    notYetOpen: (date) => `本调查将于${date}开放。`,
    closed: (date) => `本调查已于${date}结束。感谢您的关注。`,
    notFound: '此地址没有调查。',
    tooMany: (minutes) => `来自您网络连接的回答过多，请在 ${minutes} 分钟后重试。`,
    incomplete: '缺少必答问题的回答：请检查第一页。',
  },
  ru: {
    title: { citizen: 'Опрос жителей', learner: 'Опрос учащихся', educator: 'Опрос педагогов' },
    intro: (city) =>
      `Этот опрос помогает городу ${city} оценить свой прогресс как обучающегося города. Он займёт около пяти минут.`,
    anonymous: 'Опрос анонимный: мы не спрашиваем ваше имя и не храним ваш интернет-адрес.',
    start: 'Начать',
    next: 'Далее',
    back: 'Назад',
    submit: 'Отправить ответы',
    pageOf: (n, total) => `Страница ${n} из ${total}`,
    required: 'обязательно',
    saved: 'Ваши ответы сохраняются постранично: вы можете вернуться по этому адресу позже.',
    language: 'Язык',
    errorSummary: 'Некоторые ответы требуют вашего внимания.',
    errors: {
      required: 'Пожалуйста, ответьте на этот вопрос.',
      'not-a-choice': 'Пожалуйста, выберите один из ответов.',
      'not-a-number': 'Пожалуйста, введите число.',
      'not-whole': 'Пожалуйста, введите целое число.',
      'out-of-range': (min, max) => `Пожалуйста, введите число от ${min} до ${max}.`,
      'unknown-question': 'Это не вопрос этого опроса.',
    },
    thanks: 'Спасибо! Ваши ответы получены.',
    already: 'Ваши ответы уже были получены. Они учитываются один раз.',
    notYetOpen: (date) => `Опрос откроется ${date}.`,
    closed: (date) => `Опрос завершился ${date}. Спасибо за интерес.`,
    notFound: 'По этому адресу нет опроса.',
    tooMany: (minutes) => `С вашего подключения пришло слишком много ответов. Повторите попытку через ${minutes} мин.`,
    incomplete: 'Не хватает обязательных ответов: проверьте первую страницу.',
  },
};

/** The name of each language in itself, for the language links. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  zh: '中文',
  ru: 'Русский',
};
