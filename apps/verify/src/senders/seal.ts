/** The keyring purpose sender credentials are sealed under (the API seals, the delivery worker opens). */
export const SENDER_SEAL = 'verify.sender-credentials';
