/**
 * The object of Jamf's privilege names (`Printers` in `Read Printers`) for each Classic resource
 * the mock derives from the spec, by URL segment; with several, any one will do (a user group is
 * smart or static). Every name is one of the API role privileges a Jamf Pro 11.25.2 server lists
 * (`../shared/reference/jamf-pro-11.25.2.api-role-privileges.txt`); the `classic-generic`
 * test checks each against the mock's privilege catalogue. Where Jamf names no privilege for a
 * resource the closest is used, marked unverified.
 */
export const CLASSIC_PRIVILEGE_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  advancedcomputersearches: ['Advanced Computer Searches'],
  advancedmobiledevicesearches: ['Advanced Mobile Device Searches'],
  advancedusersearches: ['Advanced User Searches'],
  allowedfileextensions: ['Allowed File Extension'],
  classes: ['Classes'],
  computercheckin: ['Computer Check-In'],
  computerextensionattributes: ['Computer Extension Attributes'],
  computerinventorycollection: ['Computer Inventory Collection'],
  computerinvitations: ['Computer Enrollment Invitations'],
  directorybindings: ['Directory Bindings'],
  diskencryptionconfigurations: ['Disk Encryption Configurations'],
  distributionpoints: ['Distribution Points'],
  dockitems: ['Dock Items'],
  ebooks: ['eBooks'],
  gsxconnection: ['GSX Connection'],
  ibeacons: ['iBeacon'],
  infrastructuremanager: ['Infrastructure Managers'],
  jsonwebtokenconfigurations: ['JSON Web Token Configuration'],
  ldapservers: ['LDAP Servers'],
  licensedsoftware: ['Licensed Software'],
  macapplications: ['Mac Applications'],
  mobiledeviceapplications: ['Mobile Device Applications'],
  mobiledeviceconfigurationprofiles: ['iOS Configuration Profiles'],
  // Unverified: the privilege list has "Enrollment Profiles" (no "Mobile Device" prefix).
  mobiledeviceenrollmentprofiles: ['Enrollment Profiles'],
  mobiledeviceextensionattributes: ['Mobile Device Extension Attributes'],
  mobiledeviceinvitations: ['Mobile Device Enrollment Invitations'],
  mobiledeviceprovisioningprofiles: ['Provisioning Profiles'],
  networksegments: ['Network Segments'],
  patchexternalsources: ['Patch External Source'],
  patchinternalsources: ['Patch Internal Source'],
  patchpolicies: ['Patch Policies'],
  patchsoftwaretitles: ['Patch Management Software Titles'],
  printers: ['Printers'],
  removablemacaddresses: ['Removable MAC Address'],
  restrictedsoftware: ['Restricted Software'],
  smtpserver: ['SMTP Server'],
  softwareupdateservers: ['Software Update Servers'],
  userextensionattributes: ['User Extension Attributes'],
  usergroups: ['Smart User Groups', 'Static User Groups'],
  users: ['User'],
  // Unverified: Jamf renamed VPP accounts "Volume Purchasing Locations"; no "VPP Accounts" is listed.
  vppaccounts: ['Volume Purchasing Locations'],
  vppassignments: ['VPP Assignment'],
  vppinvitations: ['VPP Invitations'],
};
