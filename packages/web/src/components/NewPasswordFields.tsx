import { useTranslation } from 'react-i18next';
import { PasswordInput } from './forms.tsx';

interface NewPasswordFieldsProps {
  /** Label of the first field; "New password" unless the page says otherwise. */
  label?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
}

/** A new password and its repetition, the second checked against the first as the person types. */
export function NewPasswordFields({ label, name, value, onChange }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label ?? t('auth.newPassword')}
        name={name}
        kind="new"
        isRequired
        value={value}
        onChange={onChange}
      />
      <PasswordInput
        label={t('auth.repeatPassword')}
        name="repeatPassword"
        kind="repeat"
        isRequired
        validate={(repeated) => (repeated && repeated !== value ? t('form.passwordsDiffer') : null)}
      />
    </>
  );
}
