import type { Lang, Role } from '@lco/core';

/**
 * The mails accounts send, in the recipient's language. Plain text on purpose: it reads on any phone and
 * any mail client, and a link is the only thing to act on.
 */
interface MailText {
  subject: string;
  text: string;
}

const ROLE_NAMES: Record<Lang, Record<Role, string>> = {
  en: {
    admin: 'administrator',
    secretariat: 'network secretariat',
    natcom: 'National Commission for UNESCO',
    'city-coordinator': 'city coordinator',
    'city-editor': 'city editor',
    expert: 'expert reviewer',
    jury: 'jury member',
  },
  fr: {
    admin: 'administrateur',
    secretariat: 'secrétariat du réseau',
    natcom: 'Commission nationale pour l’UNESCO',
    'city-coordinator': 'coordinateur de la ville',
    'city-editor': 'rédacteur de la ville',
    expert: 'expert évaluateur',
    jury: 'membre du jury',
  },
  es: {
    admin: 'administrador',
    secretariat: 'secretaría de la red',
    natcom: 'Comisión Nacional para la UNESCO',
    'city-coordinator': 'coordinador de la ciudad',
    'city-editor': 'editor de la ciudad',
    expert: 'experto evaluador',
    jury: 'miembro del jurado',
  },
  ar: {
    admin: 'مسؤول النظام',
    secretariat: 'أمانة الشبكة',
    natcom: 'اللجنة الوطنية لليونسكو',
    'city-coordinator': 'منسّق المدينة',
    'city-editor': 'محرّر المدينة',
    expert: 'خبير مراجع',
    jury: 'عضو لجنة التحكيم',
  },
  zh: {
    admin: '管理员',
    secretariat: '网络秘书处',
    natcom: '联合国教科文组织全国委员会',
    'city-coordinator': '城市协调员',
    'city-editor': '城市编辑',
    expert: '评审专家',
    jury: '评审团成员',
  },
  ru: {
    admin: 'администратор',
    secretariat: 'секретариат сети',
    natcom: 'Национальная комиссия по делам ЮНЕСКО',
    'city-coordinator': 'координатор города',
    'city-editor': 'редактор города',
    expert: 'эксперт-рецензент',
    jury: 'член жюри',
  },
};

export function invitationMail(
  lang: Lang,
  role: Role,
  scopeName: string | null,
  link: string,
  expiresAt: Date,
): MailText {
  const roleName = ROLE_NAMES[lang][role] + (scopeName ? ` — ${scopeName}` : '');
  const until = expiresAt.toISOString().slice(0, 10);
  switch (lang) {
    case 'fr':
      return {
        subject: 'Invitation à l’Observatoire des villes apprenantes',
        text: `Bonjour,\n\nVous êtes invité(e) à rejoindre l’Observatoire des villes apprenantes en tant que ${roleName}.\n\nPour accepter, ouvrez ce lien et choisissez votre mot de passe (valable jusqu’au ${until}) :\n${link}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.`,
      };
    case 'es':
      return {
        subject: 'Invitación al Observatorio de Ciudades del Aprendizaje',
        text: `Hola:\n\nLe invitamos a unirse al Observatorio de Ciudades del Aprendizaje como ${roleName}.\n\nPara aceptar, abra este enlace y elija su contraseña (válido hasta el ${until}):\n${link}\n\nSi no esperaba esta invitación, ignore este mensaje.`,
      };
    case 'ar':
      return {
        subject: 'دعوة إلى مرصد مدن التعلّم',
        text: `مرحبًا،\n\nأنت مدعوّ للانضمام إلى مرصد مدن التعلّم بصفة ${roleName}.\n\nلقبول الدعوة، افتح هذا الرابط واختر كلمة المرور (صالح حتى ${until}):\n${link}\n\nإذا لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.`,
      };
    case 'zh':
      return {
        subject: '学习型城市观察平台邀请',
        text: `您好：\n\n诚邀您以${roleName}的身份加入学习型城市观察平台。\n\n请打开以下链接并设置密码以接受邀请（有效期至 ${until}）：\n${link}\n\n如果您并未期待此邀请，请忽略本邮件。`,
      };
    case 'ru':
      return {
        subject: 'Приглашение в Обсерваторию обучающихся городов',
        text: `Здравствуйте!\n\nВас приглашают присоединиться к Обсерватории обучающихся городов в качестве: ${roleName}.\n\nЧтобы принять приглашение, откройте ссылку и задайте пароль (действует до ${until}):\n${link}\n\nЕсли вы не ждали этого приглашения, просто проигнорируйте письмо.`,
      };
    default:
      return {
        subject: 'Invitation to the Learning City Observatory',
        text: `Hello,\n\nYou are invited to join the Learning City Observatory as ${roleName}.\n\nTo accept, open this link and choose your password (valid until ${until}):\n${link}\n\nIf you did not expect this invitation, ignore this message.`,
      };
  }
}

export function passwordResetMail(lang: Lang, link: string, minutes: number): MailText {
  switch (lang) {
    case 'fr':
      return {
        subject: 'Réinitialisation de votre mot de passe',
        text: `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les ${minutes} minutes (il ne fonctionne qu’une fois) :\n${link}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
      };
    case 'es':
      return {
        subject: 'Restablecimiento de su contraseña',
        text: `Hola:\n\nPara elegir una nueva contraseña, abra este enlace en los próximos ${minutes} minutos (solo funciona una vez):\n${link}\n\nSi no lo solicitó, ignore este mensaje: su contraseña no cambia.`,
      };
    case 'ar':
      return {
        subject: 'إعادة تعيين كلمة المرور',
        text: `مرحبًا،\n\nلاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ${minutes} دقيقة (يعمل مرة واحدة فقط):\n${link}\n\nإذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن تتغير كلمة المرور.`,
      };
    case 'zh':
      return {
        subject: '重置您的密码',
        text: `您好：\n\n请在 ${minutes} 分钟内打开以下链接设置新密码（链接仅可使用一次）：\n${link}\n\n如果您没有提出此请求，请忽略本邮件，您的密码不会改变。`,
      };
    case 'ru':
      return {
        subject: 'Сброс пароля',
        text: `Здравствуйте!\n\nЧтобы задать новый пароль, откройте ссылку в течение ${minutes} минут (она работает один раз):\n${link}\n\nЕсли вы ничего не запрашивали, проигнорируйте письмо: пароль не изменится.`,
      };
    default:
      return {
        subject: 'Resetting your password',
        text: `Hello,\n\nTo choose a new password, open this link within ${minutes} minutes (it works once):\n${link}\n\nIf you did not ask for this, ignore this message: your password does not change.`,
      };
  }
}
