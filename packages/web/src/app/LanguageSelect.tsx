import { isLang } from '@lco/core/i18n';
import { useTranslation } from 'react-i18next';
import { type Option, SelectField } from '../components/SelectField.tsx';
import { changeLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';

// Each language named in its own script, so a reader finds theirs whatever the page is in.
const OPTIONS: readonly Option[] = LANGUAGES.map((lang) => ({ id: lang, text: LANGUAGE_NAMES[lang], lang }));

/** The language switcher proper; see LanguageSwitcher for why it loads on demand. */
export default function LanguageSelect({ openOnMount }: { openOnMount?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SelectField
      className="language-switcher"
      label={t('language.label')}
      options={OPTIONS}
      value={lang}
      openOnMount={openOnMount}
      onChange={(id) => {
        if (isLang(id)) void changeLanguage(id);
      }}
    />
  );
}
