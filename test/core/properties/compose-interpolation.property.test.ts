/**
 * Compose interpolation (issue 13) as properties: a port written with `${VAR:-n}` anywhere a
 * number stands reads exactly as the port written with n, and any variable without a default
 * never turns a valid port into an error.
 */
import fc from 'fast-check';
import { parsePortText } from '../../../src/core/topology/containers/ports';
import { runs } from './arbitraries';

const pos = { line: 1, column: 1 };
const port = fc.integer({ min: 1, max: 65535 });
const mapping = fc.record({
	ip: fc.constantFrom('', '127.0.0.1:', '0.0.0.0:', '[::1]:', '::1:'),
	host: fc.option(port, { nil: undefined }),
	container: port,
	proto: fc.constantFrom('', '/tcp', '/udp'),
});
const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);

function text(m: { ip: string; host: number | undefined; container: number; proto: string }, host = String(m.host), container = String(m.container)): string {
	return m.host === undefined ? `${container}${m.proto}` : `${m.ip}${host}:${container}${m.proto}`;
}

describe('Compose interpolation in ports (property)', () => {
	it('${VAR:-n} and ${VAR-n} read as n', () => {
		fc.assert(
			fc.property(mapping, name, fc.boolean(), (m, v, colon) => {
				const op = colon ? ':-' : '-';
				const plain = parsePortText(text(m), pos);
				const withVars = parsePortText(text(m, `\${${v}${op}${m.host}}`, `\${${v}${op}${m.container}}`), pos);
				if (typeof plain === 'string' || 'unresolved' in plain) return typeof withVars === typeof plain;
				if (typeof withVars === 'string' || 'unresolved' in withVars) return false;
				return JSON.stringify([withVars.hostIp, withVars.hostPorts, withVars.containerPorts, withVars.proto]) === JSON.stringify([plain.hostIp, plain.hostPorts, plain.containerPorts, plain.proto]);
			}),
			runs({ numRuns: 2000 }),
		);
	});

	it('a variable without a default is never an error where a valid port stood', () => {
		fc.assert(
			fc.property(mapping, name, fc.constantFrom('', ':?required', '?x', ':+alt'), (m, v, op) => {
				if (typeof parsePortText(text(m), pos) === 'string') return true;
				const r = parsePortText(text(m, `\${${v}${op}}`), pos);
				const c = parsePortText(text(m, String(m.host), `$${v}`), pos);
				return typeof r !== 'string' && typeof c !== 'string';
			}),
			runs({ numRuns: 2000 }),
		);
	});
});
