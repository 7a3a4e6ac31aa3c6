import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../messaging/protocol';
import { missingPatterns } from '../sites/product-patterns';
import { requestHostAccess, type GrantOutcome } from './host-grants';

export interface ProductGrants {
  /** The product domains in the dataset; null until known. */
  domains: string[] | null;
  /** Host patterns of those domains the user has not granted yet; null until known. */
  missing: string[] | null;
  /**
   * Asks for the missing ones. Call it straight from a click: browsers show the prompt only
   * during a user gesture. Resolves with what the user answered.
   */
  grant(): Promise<GrantOutcome>;
}

/** The product sites of the dataset and whether the user allowed them: options and welcome pages. */
export function useProductGrants(): ProductGrants {
  const [state, setState] = useState<{ domains: string[]; missing: string[] } | null>(null);
  const refresh = useCallback(
    () =>
      send({ type: 'getProductSites' }).then((reply) =>
        setState(
          reply.ok
            ? {
                domains: reply.data.domains,
                missing: missingPatterns(reply.data.domains, reply.data.granted),
              }
            : null,
        ),
      ),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const grant = useCallback(() => {
    const asked = requestHostAccess(browser.permissions, state?.missing ?? []);
    void asked.then((outcome) => {
      if (outcome !== 'nothing-to-ask') void refresh();
    });
    return asked;
  }, [state, refresh]);
  return { domains: state?.domains ?? null, missing: state?.missing ?? null, grant };
}

/** What a grant's outcome means to the user. */
export function grantMessage(outcome: GrantOutcome): string {
  switch (outcome) {
    case 'granted':
      return i18n.t('grant.granted');
    case 'denied':
      return i18n.t('grant.denied');
    case 'failed':
      return i18n.t('grant.failed');
    default:
      return '';
  }
}
