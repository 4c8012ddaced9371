import type { ReactNode } from 'react';
import {
  Button,
  type ButtonProps,
  FieldError,
  Input,
  Label,
  Text,
  TextField,
  type TextFieldProps,
  type ValidationResult,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import { useLang } from '../i18n/useLang.ts';

/** The shortest password the server accepts (NewPasswordSchema in @lco/core). */
const MIN_PASSWORD_LENGTH = 12;

interface TextInputProps extends Omit<TextFieldProps, 'children' | 'className'> {
  label: string;
  description?: ReactNode;
}

/**
 * A labelled text field with its description and error tied to it (React Aria). Browser validation
 * messages speak the browser's language, so the common ones are replaced by the interface's own.
 */
export function TextInput({ label, description, ...props }: TextInputProps) {
  const { t } = useTranslation();
  const message = (validation: ValidationResult) => {
    const details = validation.validationDetails;
    if (details.valueMissing) return t('form.required');
    if (details.typeMismatch) return t('form.email');
    return validation.validationErrors.join(' ');
  };
  return (
    <TextField className="field" {...props}>
      <Label className="field__label">{label}</Label>
      <Input className="field__input" />
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{message}</FieldError>
    </TextField>
  );
}

interface PasswordInputProps extends Omit<TextInputProps, 'type' | 'autoComplete'> {
  /** 'new' checks the length and says what is asked; 'repeat' confirms a new one; 'current' is just a password. */
  kind: 'new' | 'repeat' | 'current';
}

export function PasswordInput({ kind, validate, ...props }: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="password"
      autoComplete={kind === 'current' ? 'current-password' : 'new-password'}
      description={kind === 'new' ? t('form.passwordHint', { count: MIN_PASSWORD_LENGTH }) : undefined}
      validate={(value) => {
        if (kind === 'new' && value !== '' && [...value].length < MIN_PASSWORD_LENGTH) {
          return t('form.tooShort', { count: MIN_PASSWORD_LENGTH });
        }
        return validate?.(value) ?? null;
      }}
      {...props}
    />
  );
}

interface BusyButtonProps extends Omit<ButtonProps, 'className' | 'isPending'> {
  busy: boolean;
  className?: string;
}

/**
 * A button that stays focusable while its request runs, marked busy and ignoring presses. (React Aria's
 * `isPending` announces through a live region that points at the button, and the pointer dangles
 * once the page moves on.) Handlers of submit buttons check `busy` themselves.
 */
export function BusyButton({ busy, className = 'button', onPress, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      className={busy ? `${className} is-busy` : className}
      aria-disabled={busy || undefined}
      onPress={busy ? undefined : onPress}
    />
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <BusyButton type="submit" busy={busy}>
      {children}
    </BusyButton>
  );
}

/** A form-level failure, announced when it appears. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div className="form-alert" role="alert">
      <span aria-hidden="true">⚠ </span>
      {children}
    </div>
  );
}

/** A polite confirmation region, present before its text so screen readers announce the change. */
export function FormStatus({ children }: { children?: ReactNode }) {
  return (
    <p role="status" className="form-status">
      {children ? (
        <>
          <span aria-hidden="true">✓ </span>
          {children}
        </>
      ) : null}
    </p>
  );
}

// The server's field messages are English; the common ones are said in the interface language instead
// (as message keys, with the count where the message has one).
type FieldMessageKey =
  | 'form.tooShort'
  | 'form.tooLong'
  | 'form.passwordCommon'
  | 'form.passwordRepetitive'
  | 'form.incorrect'
  | 'form.required'
  | 'form.email'
  | 'form.unknown';
const FIELD_MESSAGES: readonly [RegExp, (m: RegExpExecArray) => { key: FieldMessageKey; count?: number }][] = [
  [/^must be at least (\d+) characters/, (m) => ({ key: 'form.tooShort', count: Number(m[1]) })],
  [/^must be at most (\d+) characters/, (m) => ({ key: 'form.tooLong', count: Number(m[1]) })],
  [/too common/, () => ({ key: 'form.passwordCommon' })],
  [/repeats too few/, () => ({ key: 'form.passwordRepetitive' })],
  [/^is incorrect/, () => ({ key: 'form.incorrect' })],
  [/is required/, () => ({ key: 'form.required' })],
  [/must be an email/, () => ({ key: 'form.email' })],
  [/is unknown/, () => ({ key: 'form.unknown' })],
];

/** Read API failures in the interface language: a sentence for the form, and messages by field. */
export function useProblem() {
  const { t } = useTranslation();
  const lang = useLang();

  const wait = (seconds: number | undefined): string => {
    if (!seconds || seconds <= 0) return t('form.tooManyLater');
    const format = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
    const when =
      seconds < 90
        ? format.format(seconds, 'second')
        : seconds < 90 * 60
          ? format.format(Math.ceil(seconds / 60), 'minute')
          : format.format(Math.ceil(seconds / 3600), 'hour');
    return t('form.tooMany', { when });
  };

  const fieldMessage = (message: string): string => {
    for (const [pattern, say] of FIELD_MESSAGES) {
      const match = pattern.exec(message);
      if (match) {
        const { key, count } = say(match);
        return count === undefined ? t(key) : t(key, { count });
      }
    }
    return message;
  };

  /** Messages keyed by field name, for React Aria's `<Form validationErrors>`. */
  const fields = (error: ApiError | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const { field, message } of error?.problem?.errors ?? []) out[field] = fieldMessage(message);
    return out;
  };

  /** One sentence for the whole form. Pages handle the problems they expect before calling this. */
  const message = (error: ApiError): string => {
    if (error.status === 0) return t('error.network');
    if (error.status === 429) return wait(error.retryAfter);
    if (error.status === 403) return t('access.forbiddenAction');
    if (error.problem?.type === '/problems/validation' && error.problem.errors?.length) return t('form.checkFields');
    return error.message || t('error.status', { status: error.status });
  };

  return { message, fields };
}
