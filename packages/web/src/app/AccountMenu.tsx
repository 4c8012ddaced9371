import type { MeResponse } from '@lco/core';
import { useState } from 'react';
import { Button, type Key, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../api/session.tsx';
import '../styles/menu.css';

/**
 * The signed-in person's menu: their account and signing out. Loaded only for signed-in visitors
 * (the Menu, its popover and collection code stay out of the Home chunk).
 */
export default function AccountMenu({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { signOut } = useMe();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  const onAction = async (key: Key) => {
    if (key !== 'sign-out') return;
    try {
      await signOut();
      setFailed(false);
      navigate('/');
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="account-menu">
      <MenuTrigger>
        <Button className="account-menu__button" aria-label={t('session.menu', { name: me.user.displayName })}>
          <span className="account-menu__icon" aria-hidden="true">
            ●
          </span>
          <span className="account-menu__name">{me.user.displayName}</span>
          <span className="select__chevron" aria-hidden="true">
            ▾
          </span>
        </Button>
        <Popover className="menu__popover" placement="bottom end">
          <Menu className="menu" onAction={(key) => void onAction(key)}>
            <MenuItem className="menu__item" id="account" href="/account">
              {t('session.myAccount')}
            </MenuItem>
            <MenuItem className="menu__item" id="sign-out">
              {t('session.signOut')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      {failed ? (
        <p className="account-menu__error" role="alert">
          {t('session.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}
