// One complete walk per route, shared by the end-to-end tests.
import { META_WALK } from './helpers.mjs';

const common = (rest) => [
  ['age', 'adult'], ['posted_as_minor', 'no'], ['art9', ['none']],
  ...rest,
];
export const ROUTES = {
  object_art21: META_WALK,
  object_art21_marketing: [['residence', 'eu_eea'], ['country', 'de'], ['land', 'de-by'], ['controller', 'other'], ['organisation_name', ''], ['purpose', 'direct_marketing'], ['legal_basis', 'legitimate_interest'], ...common([['full_name', ''], ['account_email', '']])],
  withdraw_consent: [['residence', 'eu_eea'], ['country', 'fr'], ['controller', 'other'], ['organisation_name', 'Voorbeeld B.V.'], ['organisation_address', 'Postbus 1, 1000 AA Amsterdam'], ['purpose', 'ai_training'], ['legal_basis', 'consent'], ...common([['full_name', ''], ['account_email', '']])],
  no_art21_right: [['residence', 'uk'], ['controller', 'other'], ['organisation_name', ''], ['purpose', 'other_use'], ['legal_basis', 'contract'], ...common([['full_name', ''], ['account_email', '']])],
  ask_legal_basis: [['residence', 'eu_eea'], ['country', 'ie'], ['controller', 'other'], ['organisation_name', ''], ['purpose', 'ai_training'], ['legal_basis', 'dont_know'], ...common([['reasons', ['safety']], ['situation_text', ''], ['full_name', ''], ['account_email', '']])],
  object_fadp: [['residence', 'switzerland'], ['controller', 'other'], ['eu_establishment', 'no'], ['organisation_name', 'Beispiel AG'], ['organisation_address', ''], ['full_name', ''], ['account_email', '']],
  gdpr_not_applicable: [['residence', 'elsewhere'], ['controller', 'other'], ['eu_establishment', 'no']],
};

