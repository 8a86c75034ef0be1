/**
 * sha256 of the default versions' release assets, shipped with the action so that a download
 * from the official hosts is checked against a value the release host cannot change. Keyed by
 * the official URL. Pure data.
 *
 * Each value is stated for exactly that asset and version by an independent source, or is the
 * hash of a byte-for-byte vendored copy of it (cited). An asset with neither (net-contour's
 * contour.yaml) is not pinned: its release's checksum list alone vouches for it.
 */
const PINNED_SHA256: ReadonlyMap<string, string> = new Map([
  // k3d v5.9.0. Stated in the AUR package rancher-k3d-bin 5.9.0-1 (PKGBUILD sha256sums_x86_64 /
  // sha256sums_aarch64), and the same pair in many pinned installers (renovate-managed
  // K3D_SUM_linux_amd64/arm64 lines, bazel http_file rules).
  [
    'https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64',
    '06d8f25bc3a971c4eb29e0ff08429b180402db0f4dec838c9eac427e296800a0',
  ],
  [
    'https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-arm64',
    '03cde5cf23e6e8e67de5a039ecf26e5b85aca82fba3e5d13dadf904cd218a250',
  ],
  // kubectl v1.34.2. Stated in cert-manager/makefile-modules, modules/tools/00_mod.mk at
  // 452c18d497eea0b87904b01299e663220f1e158b (kubectl_linux_amd64_SHA256SUM /
  // kubectl_linux_arm64_SHA256SUM, next to `tools += kubectl=v1.34.2`).
  [
    'https://dl.k8s.io/release/v1.34.2/bin/linux/amd64/kubectl',
    '9591f3d75e1581f3f7392e6ad119aab2f28ae7d6c6e083dc5d22469667f27253',
  ],
  [
    'https://dl.k8s.io/release/v1.34.2/bin/linux/arm64/kubectl',
    '95df604e914941f3172a93fa8feeb1a1a50f4011dfbe0c01e01b660afc8f9b85',
  ],
  // Knative Serving knative-v1.22.1. knative/operator vendors the release files byte for byte
  // (cmd/fetcher copies each asset with io.Copy) in cmd/operator/kodata/knative-serving/1.22.1/
  // at b393b1e9b1c8e0e5424d6921e9927b7c36da38b4: 1-serving-crds.yaml and 2-serving-core.yaml
  // hash to the values below. serving-crds.yaml's hash is also stated, for this release URL, in
  // an independent CRD-vendoring config, which shows the operator's copies are the assets.
  [
    'https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-crds.yaml',
    '469f019b54407f6b4362da8500e6ba343c6d2e3f2cb27c2c1cfcaaab4f6d5883',
  ],
  [
    'https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-core.yaml',
    'aafb2bfd722ad184d0d0dacf1f55cedc388827ed81c94312f4df71e5eccb5ae1',
  ],
  // net-contour knative-v1.22.1: net-contour.yaml as vendored by the same knative/operator
  // commit (cmd/operator/kodata/ingress/1.22/contour/net-contour.yaml, labelled 1.22.1).
  // contour.yaml has no stated hash anywhere we could find: not pinned.
  [
    'https://github.com/knative-extensions/net-contour/releases/download/knative-v1.22.1/net-contour.yaml',
    '75cc3a9666ecd90c2dca647aa3b0feba1a566b0a944f3a9455f3d6e567e0404a',
  ],
]);

/** The shipped sha256 for an official release URL, if this action pins one. */
export function pinnedSha256(officialUrl: string): string | undefined {
  return PINNED_SHA256.get(officialUrl);
}
