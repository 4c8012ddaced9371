import type { ReactNode } from 'react';
import {
  Button,
  FieldError,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface Option {
  id: string;
  /** Plain text for type-ahead and the accessible name. */
  text: string;
  /** What the option shows, if richer than `text`. */
  content?: ReactNode;
  /** The language the option is written in, when it differs from the page (language names). */
  lang?: string;
}

interface Props {
  label: string;
  options: readonly Option[];
  value: string;
  onChange: (id: string) => void;
  className?: string;
  isDisabled?: boolean;
  /** Take the focus and open at once (when it replaces a stand-in the user just pressed). */
  openOnMount?: boolean;
  /** In a form: the field name, whether a choice is needed, a hint and the server's complaint. */
  name?: string;
  isRequired?: boolean;
  description?: string;
  errorMessage?: string;
}

/** A labelled single-choice list built on React Aria's Select (keyboard, screen reader and RTL ready). */
export function SelectField({
  label,
  options,
  value,
  onChange,
  className,
  isDisabled,
  openOnMount,
  name,
  isRequired,
  description,
  errorMessage,
}: Props) {
  const { t } = useTranslation();
  return (
    <Select
      className={['select', className].filter(Boolean).join(' ')}
      // An empty value is "nothing chosen yet": the placeholder shows.
      value={value === '' ? null : value}
      name={name}
      isRequired={isRequired}
      isInvalid={errorMessage ? true : undefined}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isDisabled={isDisabled}
      autoFocus={openOnMount}
      defaultOpen={openOnMount}
      placeholder={t('common.choose')}
    >
      <Label className="select__label">{label}</Label>
      <Button className="select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">
        {(validation) =>
          errorMessage ??
          (validation.validationDetails.valueMissing ? t('form.choose') : validation.validationErrors.join(' '))
        }
      </FieldError>
      <Popover className="select__popover">
        <ListBox className="select__list" items={options}>
          {(option) => (
            <ListBoxItem className="select__option" id={option.id} textValue={option.text}>
              <span lang={option.lang}>{option.content ?? option.text}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
