import { createContext, useContext } from 'react';
import type { WizardApi } from '../../../shared/api/wizard-api';

export const ApiContext = createContext<WizardApi | null>(null);

export function useApi(): WizardApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
