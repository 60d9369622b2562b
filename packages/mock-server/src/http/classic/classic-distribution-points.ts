import { classicXmlShapes } from '../../generated/classic-resources.js';
import type { OpenApiDocument } from '../../spec/openapi-document.js';
import type { JsonObject } from '../../state/json-collection.js';
import type { JsonEntity } from './classic-json-view.js';
import { type ProToClassic, proText, proValueOf } from './classic-pro-values.js';
import { type ClassicResource, type ClassicStore, xmlText } from './classic-resource.js';
import { proCollectionView } from './classic-shared-collections.js';

/** The Pro collection both views share. */
const TEMPLATE = '/v1/distribution-points';

/**
 * Pro `fileSharingConnectionType` → Classic `connection_type`. Classic's enum has no `NONE`: a
 * distribution point without file sharing shows no `connection_type` in Classic.
 */
const CONNECTION_TYPES: ProToClassic = { SMB: 'SMB', AFP: 'AFP' };

/**
 * What a distribution point created through Classic starts with: the defaults the Pro schema
 * declares, except the connection type, which Classic's enum has only `SMB` and `AFP` for
 * (unverified: the mock assumes `SMB` when a Classic create names none).
 */
const NEW_DISTRIBUTION_POINT: JsonObject = {
  serverName: '',
  principal: false,
  backupDistributionPointId: '-1',
  enableLoadBalancing: false,
  fileSharingConnectionType: 'SMB',
  port: 139,
  httpsEnabled: false,
  httpsPort: 443,
  httpsSecurityType: 'NONE',
};

/** Classic text fields and the Pro field each one is (the same value, no translation). */
const TEXT_FIELDS: Readonly<Record<string, string>> = {
  ip_address: 'serverName',
  local_path: 'localPathToShare',
  ssh_username: 'sshUsername',
  share_name: 'shareName',
  workgroup_or_domain: 'workgroup',
  read_only_username: 'readOnlyUsername',
  read_write_username: 'readWriteUsername',
  context: 'httpsContext',
  http_username: 'httpsUsername',
};

/**
 * Classic password fields and the Pro field each one writes. Both schemas make them write-only
 * in effect: Pro marks them `writeOnly`, and the Classic view never shows a password nor its
 * `*_sha256` digest (as `classic-accounts.ts` keeps `password_sha256` out). Unverified: that
 * Classic `password` is the SSH password (it sits beside `ssh_username`; Pro has `sshPassword`).
 */
const PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  read_only_password: 'readOnlyPassword',
  read_write_password: 'readWritePassword',
  http_password: 'httpsPassword',
  password: 'sshPassword',
};

/** Classic booleans and the Pro field each one is. */
const BOOLEAN_FIELDS: Readonly<Record<string, string>> = {
  is_master: 'principal',
  enable_load_balancing: 'enableLoadBalancing',
  http_downloads_enabled: 'httpsEnabled',
};

/** Classic port fields and the Pro field each one is: `share_port` the file share's, `port` HTTPS's. */
const PORT_FIELDS: Readonly<Record<string, string>> = { share_port: 'port', port: 'httpsPort' };

/** Fields the Classic schema requires of a distribution point (`distribution_point_post`). */
const REQUIRED_ON_CREATE = ['share_name', 'read_only_username', 'read_write_username'] as const;

const numberOf = (value: unknown, fallback: number): number =>
  typeof value === 'number' ? value : fallback;

/** The distribution points of one mock's state, as the Classic view reads them. */
type Points = ClassicStore<JsonEntity>;

/** The distribution point a Pro `backupDistributionPointId` names, if any. */
function backupOf(points: Points, fields: JsonObject): JsonEntity | undefined {
  const id = Number(proText(fields.backupDistributionPointId));
  return Number.isInteger(id) && id > 0 ? points.get(id) : undefined;
}

/**
 * The URL Classic shows for HTTPS downloads, made of the server, port and context (unverified:
 * the shape `https://server:port/context` is the mock's; Jamf computes it from the same fields).
 */
function httpUrlOf(fields: JsonObject): string {
  if (fields.httpsEnabled !== true) return '';
  const context = proText(fields.httpsContext).replace(/^\/+/, '');
  return `https://${proText(fields.serverName)}:${numberOf(fields.httpsPort, 443)}/${context}`;
}

function detailOf(row: Readonly<JsonEntity>, points: Points): Record<string, unknown> {
  const f = row.fields;
  const backup = backupOf(points, f);
  const connectionType = CONNECTION_TYPES[proText(f.fileSharingConnectionType)];
  const securityType = proText(f.httpsSecurityType);
  return {
    id: row.id,
    name: row.name,
    ip_address: proText(f.serverName),
    is_master: f.principal === true,
    failover_point: backup?.name ?? '',
    failover_point_url: backup === undefined ? '' : httpUrlOf(backup.fields),
    enable_load_balancing: f.enableLoadBalancing === true,
    local_path: proText(f.localPathToShare),
    ssh_username: proText(f.sshUsername),
    ...(connectionType === undefined ? {} : { connection_type: connectionType }),
    share_name: proText(f.shareName),
    workgroup_or_domain: proText(f.workgroup),
    share_port: numberOf(f.port, 139),
    read_only_username: proText(f.readOnlyUsername),
    read_write_username: proText(f.readWriteUsername),
    http_downloads_enabled: f.httpsEnabled === true,
    protocol: 'https',
    port: numberOf(f.httpsPort, 443),
    context: proText(f.httpsContext),
    no_authentication_required: securityType !== 'USERNAME_PASSWORD',
    username_password_required: securityType === 'USERNAME_PASSWORD',
    http_username: proText(f.httpsUsername),
    http_url: httpUrlOf(f),
  };
}

/** The Pro fields a Classic XML element makes of `before`; a string is the 409 message. */
function fieldsOf(
  value: Record<string, unknown>,
  before: JsonObject,
  selfId: number | undefined,
  points: Points,
): JsonObject | string {
  const fields: JsonObject = { ...before };
  for (const [classic, pro] of Object.entries({ ...TEXT_FIELDS, ...PASSWORD_FIELDS })) {
    const text = xmlText(value, classic);
    if (text !== undefined) fields[pro] = text;
  }
  for (const [classic, pro] of Object.entries(BOOLEAN_FIELDS)) {
    const text = xmlText(value, classic);
    if (text !== undefined) fields[pro] = text.trim().toLowerCase() === 'true';
  }
  for (const [classic, pro] of Object.entries(PORT_FIELDS)) {
    const text = xmlText(value, classic);
    if (text === undefined) continue;
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return `Invalid ${classic}: ${text}`;
    fields[pro] = port;
  }
  const connection = xmlText(value, 'connection_type');
  if (connection !== undefined) {
    const type = proValueOf(CONNECTION_TYPES, connection);
    if (type === undefined) return `Invalid connection type: ${connection}`;
    fields.fileSharingConnectionType = type;
  }
  // Pro's model has HTTPS settings only (`httpsEnabled`, `httpsPort`, …): plain HTTP cannot be
  // stored, so it is refused rather than silently served as HTTPS (the wording is unverified).
  const protocol = xmlText(value, 'protocol');
  if (protocol !== undefined && protocol.trim().toLowerCase() !== 'https')
    return `Invalid protocol: ${protocol}`;
  const needsPassword = xmlText(value, 'username_password_required');
  const noAuthentication = xmlText(value, 'no_authentication_required');
  if (needsPassword !== undefined)
    fields.httpsSecurityType =
      needsPassword.trim().toLowerCase() === 'true' ? 'USERNAME_PASSWORD' : 'NONE';
  else if (noAuthentication !== undefined)
    fields.httpsSecurityType =
      noAuthentication.trim().toLowerCase() === 'true' ? 'NONE' : 'USERNAME_PASSWORD';
  const failover = xmlText(value, 'failover_point');
  if (failover !== undefined) {
    const wanted = failover.trim().toLowerCase();
    if (wanted === '') fields.backupDistributionPointId = '-1';
    else {
      const backup = [...points.values()].find(
        (other) => other.id !== selfId && other.name.toLowerCase() === wanted,
      );
      if (backup === undefined) return `Invalid failover point: ${failover}`;
      fields.backupDistributionPointId = String(backup.id);
    }
  }
  return fields;
}

/**
 * Classic `distributionpoints`, a view of Pro `/v1/distribution-points`: one set of distribution
 * points, two shapes. Classic `ip_address` is Pro's `serverName`, `is_master` its `principal`,
 * `failover_point` the name of its `backupDistributionPointId`, `share_port` its `port` and
 * `port`/`context`/`http_downloads_enabled` its `httpsPort`/`httpsContext`/`httpsEnabled`;
 * `no_authentication_required`/`username_password_required` are its `httpsSecurityType`
 * (`NONE`/`USERNAME_PASSWORD`). Field names from the two schemas (`distribution_point`,
 * `DistributionPoint`); the pairing of the ports and the HTTP fields is the mock's reading of them.
 * A create must name the fields the Classic schema requires; a value either API cannot hold is
 * refused with 409 and nothing stored.
 */
export function classicDistributionPoints(document: OpenApiDocument): ClassicResource<JsonEntity> {
  const storeOf = proCollectionView(document, TEMPLATE, 'name');
  return {
    plural: 'distributionpoints',
    privilegeObjects: ['Distribution Points'],
    listRoot: 'distribution_points',
    root: 'distribution_point',
    // A create or update answers `<file_share_distribution_point><id>…`: python-jamf reads the
    // new id there (`DistributionPoints.create_override`, records.py), go-sdk-jamfpro-v2 decodes
    // both answers so (`file_share_distribution_points/models.go`, `CreateUpdateResponse`).
    writeAnswerRoot: 'file_share_distribution_point',
    store: storeOf,
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row, state) => detailOf(row, storeOf(state)),
    lookups: { name: (row) => row.name },
    fromXml(value, existing, state) {
      if (existing === undefined) {
        const missing = REQUIRED_ON_CREATE.find((field) => !xmlText(value, field)?.trim());
        if (missing !== undefined) return `Missing required field: ${missing}`;
      }
      const fields = fieldsOf(
        value,
        existing?.fields ?? NEW_DISTRIBUTION_POINT,
        existing?.id,
        storeOf(state),
      );
      if (typeof fields === 'string') return fields;
      return { name: xmlText(value, 'name') ?? existing?.name ?? '', fields };
    },
    // Unverified: the mock keeps distribution point names unique through Classic.
    isNameUnique: true,
    xmlShapes: {
      list: classicXmlShapes.distribution_points,
      object: classicXmlShapes.distribution_point!,
    },
  };
}
