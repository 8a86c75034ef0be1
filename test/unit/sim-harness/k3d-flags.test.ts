import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs, parseGoDuration } from '../../sim/standins/flags.js';
import { k3dCreateArgs } from '../../../src/cluster/k3d.js';
import {
  parseApiPort,
  parseClusterCreate,
  parsePortMapping,
  simulatedBindings,
  simulatedPorts,
} from '../../sim/standins/k3d-create-options.js';

const topologyCommand = [
  'knp-1',
  '--port',
  '8082:30080@agent:0',
  '-p',
  '8081:80@loadbalancer',
  '--agents',
  '2',
  '--k3s-arg',
  '--disable=traefik@server:0',
  '--image',
  'rancher/k3s:v1.34.8-k3s1',
  '--wait',
];

describe('k3d cluster create flags', () => {
  it("accepts the preview topology's command and reads its topology", () => {
    const options = parseClusterCreate(topologyCommand);
    expect(options).toMatchObject({
      name: 'knp-1',
      servers: 1,
      agents: 2,
      image: 'rancher/k3s:v1.34.8-k3s1',
      wait: true,
      updateDefaultKubeconfig: true,
      switchContext: true,
      k3sArgs: [{ arg: '--disable=traefik', nodeFilters: ['server:0'] }],
    });
    expect(simulatedPorts(options)).toEqual({ lbPort: 8081, agentPort: 8082 });
  });

  it('rejects an unknown flag the way cobra does', () => {
    expect(() => parseClusterCreate([...topologyCommand, '--bogus'])).toThrow(
      new UsageError('unknown flag: --bogus'),
    );
    expect(() => parseClusterCreate(['x', '-z'])).toThrow(/unknown shorthand flag: 'z' in -z/);
  });

  it('refuses real k3d flags the sim does not model, naming them', () => {
    expect(() => parseClusterCreate(['x', '--no-lb'])).toThrow(
      /--no-lb is not supported by the simulated cluster/,
    );
    expect(() => parseClusterCreate(['x', '-v', '/a:/b@server:0'])).toThrow(
      /--volume is not supported/,
    );
  });

  it('parses bool flags with =value, and the kubeconfig switches', () => {
    const options = parseClusterCreate([
      'x',
      '--kubeconfig-update-default=false',
      '--wait=false',
      '--timeout',
      '1m30s',
    ]);
    expect(options).toMatchObject({
      updateDefaultKubeconfig: false,
      switchContext: false,
      wait: false,
      timeoutMs: 90_000,
    });
    expect(() => parseClusterCreate(['x', '--wait=maybe'])).toThrow(
      /invalid argument "maybe" for "--wait" flag/,
    );
  });

  it('rejects bad values: ints, names, node filters out of range, extra arguments', () => {
    expect(() => parseClusterCreate(['x', '--agents', 'two'])).toThrow(
      /invalid argument "two" for "-a, --agents"/,
    );
    expect(() => parseClusterCreate(['Bad_Name'])).toThrow(/contains characters other than/);
    expect(() => parseClusterCreate(['x', '-p', '8082:30080@agent:0'])).toThrow(
      /index 0 out of range for 0 agent/,
    );
    expect(() => parseClusterCreate(['x', 'y'])).toThrow(/accepts at most 1 arg\(s\), received 2/);
    expect(() => parseClusterCreate(['x', '--image'])).toThrow(/flag needs an argument: --image/);
  });

  it('parses port mappings with host IP, protocol and the default load balancer filter', () => {
    expect(parsePortMapping('127.0.0.1:8080:80/udp@loadbalancer')).toMatchObject({
      hostIp: '127.0.0.1',
      hostPort: 8080,
      containerPort: 80,
      protocol: 'udp',
      nodeFilters: ['loadbalancer'],
    });
    expect(parsePortMapping('80')).toMatchObject({
      containerPort: 80,
      nodeFilters: ['loadbalancer'],
    });
    expect(parsePortMapping('80').hostPort).toBeUndefined();
    expect(() => parsePortMapping('8080:80@nowhere')).toThrow(/node filters/);
    expect(() => parsePortMapping('99999:80')).toThrow(/invalid hostPort: 99999/);
  });

  // The grammar of docker's go-connections nat.ParsePortSpec (vendored by k3d v5.9.0 at
  // vendor/github.com/docker/go-connections/nat/nat.go, called from pkg/client/ports.go).
  it('reads the host IP the way docker does: IPv4, bracketed IPv6, nothing else', () => {
    expect(parsePortMapping('[::1]:8081:80@loadbalancer')).toMatchObject({
      hostIp: '::1',
      hostPort: 8081,
      containerPort: 80,
    });
    expect(parsePortMapping('::1:8081:80')).toMatchObject({ hostIp: '::1', hostPort: 8081 });
    expect(parsePortMapping(':8081:80').hostIp).toBeUndefined();
    expect(() => parsePortMapping('localhost:8081:80')).toThrow(/invalid IP address: localhost/);
    expect(() => parsePortMapping('127.0.0.1:8081:')).toThrow(/no port specified/);
  });
});

describe('where the published ports bind', () => {
  it("the action's create arguments bind the load balancer, agent and API ports to 127.0.0.1", () => {
    const args = k3dCreateArgs({
      name: 'knp-1',
      k3sImage: 'rancher/k3s:v1.34.8-k3s1',
      agents: 2,
      loadBalancerPort: 8081,
      agentPort: 8082,
      extraArgs: [],
    });
    const options = parseClusterCreate(args.slice(2));
    expect(simulatedBindings(options)).toEqual({
      loadBalancer: { hostIp: '127.0.0.1', hostPort: 8081 },
      agent: { hostIp: '127.0.0.1', hostPort: 8082 },
      api: { hostIp: '127.0.0.1', hostPort: 'random' },
    });
  });

  it("a mapping without a host IP binds every interface, as docker publishes it; k3d's API default too", () => {
    expect(simulatedBindings(parseClusterCreate(topologyCommand))).toEqual({
      loadBalancer: { hostIp: '0.0.0.0', hostPort: 8081 },
      agent: { hostIp: '0.0.0.0', hostPort: 8082 },
      api: { hostIp: '0.0.0.0', hostPort: 'random' },
    });
  });

  // k3d v5.9.0 cmd/util/ports.go: apiPortRegexp and ParsePortExposureSpec.
  it('--api-port is [HOST:]HOSTPORT with HOSTPORT a number or random', () => {
    expect(parseApiPort('127.0.0.1:random')).toEqual({ hostIp: '127.0.0.1', hostPort: 'random' });
    expect(parseApiPort('0.0.0.0:6550')).toEqual({ hostIp: '0.0.0.0', hostPort: 6550 });
    expect(parseApiPort('6443')).toEqual({ hostIp: '0.0.0.0', hostPort: 6443 });
    expect(parseApiPort('localhost:6443')).toEqual({ hostIp: '127.0.0.1', hostPort: 6443 });
    expect(parseApiPort(undefined)).toEqual({ hostIp: '0.0.0.0', hostPort: 'random' });
    expect(() => parseApiPort('127.0.0.1:')).toThrow(
      /Format must be \[\(HostIP\|HostName\):\]HostPort/,
    );
    expect(() => parseApiPort('127.0.0.1:port')).toThrow(/Format must be/);
    expect(() => parseClusterCreate(['x', '--api-port', 'nohost.invalid:6443'])).toThrow(
      /failed to lookup host 'nohost.invalid'/,
    );
  });
});

describe('pflag rules', () => {
  it('takes the next word as a value even when it starts with a dash, and stops at --', () => {
    const specs = [
      { name: 'k3s-arg', kind: 'stringArray' as const },
      { name: 'v', short: 'v', kind: 'bool' as const },
    ];
    const parsed = parseArgs(
      ['--k3s-arg', '--x@server:0', '--k3s-arg=y', 'pos', '--', '--k3s-arg'],
      specs,
    );
    expect(parsed.flags.get('k3s-arg')).toEqual(['--x@server:0', 'y']);
    expect(parsed.positionals).toEqual(['pos', '--k3s-arg']);
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('300s')).toBe(300_000);
    expect(parseGoDuration('1h2m')).toBe(3_720_000);
    expect(parseGoDuration('5')).toBeUndefined();
  });
});
