import { lazy, Suspense, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';

// The React Aria Select and its collection, popover and focus machinery weigh about 30 KB gzipped.
// Most visitors never change language (the choice is remembered), so Home ships a look-alike button
// and the real Select loads when someone reaches for it: on hover or focus, or at the latest on press.
const loadSelect = () => import('./LanguageSelect.tsx');
const LanguageSelect = lazy(loadSelect);

function preload() {
  void loadSelect();
}

function Trigger({ onPress, busy }: { onPress?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const labelId = useId();
  const valueId = useId();
  return (
    <div className="select language-switcher">
      <span className="select__label" id={labelId}>
        {t('language.label')}
      </span>
      <Button
        className="select__button"
        aria-haspopup="listbox"
        aria-labelledby={`${labelId} ${valueId}`}
        aria-busy={busy || undefined}
        onPress={onPress}
        onHoverStart={preload}
        onFocus={preload}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') onPress?.();
          else event.continuePropagation();
        }}
      >
        <span id={valueId} className="select__value" lang={lang}>
          {LANGUAGE_NAMES[lang]}
        </span>
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
    </div>
  );
}

export function LanguageSwitcher() {
  const [active, setActive] = useState(false);
  if (!active) return <Trigger onPress={() => setActive(true)} />;
  return (
    <Suspense fallback={<Trigger busy />}>
      <LanguageSelect openOnMount />
    </Suspense>
  );
}
