/**
 * The destinations a new account may NOT reach until it allows them itself (POST …/Verify/GeoPermission/): the
 * countries that carriers' and CPaaS vendors' published SMS-pumping / International Revenue Share Fraud advisories
 * keep naming — high termination rates paid out to number-range holders, and little legitimate OTP traffic.
 * The same list for both channels. Documented in the README ("Abuse controls"); change it here only.
 */
export const HIGH_RISK_COUNTRIES: readonly { iso2: string; name: string }[] = [
  { iso2: 'AZ', name: 'Azerbaijan' },
  { iso2: 'BY', name: 'Belarus' },
  { iso2: 'CK', name: 'Cook Islands' },
  { iso2: 'CU', name: 'Cuba' },
  { iso2: 'ER', name: 'Eritrea' },
  { iso2: 'GN', name: 'Guinea' },
  { iso2: 'GW', name: 'Guinea-Bissau' },
  { iso2: 'IO', name: 'British Indian Ocean Territory (Diego Garcia)' },
  { iso2: 'KG', name: 'Kyrgyzstan' },
  { iso2: 'KM', name: 'Comoros' },
  { iso2: 'LR', name: 'Liberia' },
  { iso2: 'MR', name: 'Mauritania' },
  { iso2: 'NR', name: 'Nauru' },
  { iso2: 'NU', name: 'Niue' },
  { iso2: 'PG', name: 'Papua New Guinea' },
  { iso2: 'SB', name: 'Solomon Islands' },
  { iso2: 'SL', name: 'Sierra Leone' },
  { iso2: 'SO', name: 'Somalia' },
  { iso2: 'ST', name: 'São Tomé and Príncipe' },
  { iso2: 'TD', name: 'Chad' },
  { iso2: 'TJ', name: 'Tajikistan' },
  { iso2: 'TK', name: 'Tokelau' },
  { iso2: 'TV', name: 'Tuvalu' },
  { iso2: 'UZ', name: 'Uzbekistan' },
  { iso2: 'VU', name: 'Vanuatu' },
];
