#!/usr/bin/env bash
# The real kernel as oracle: load svclab's `iptables-save` and `ip6tables-save` (and `nft list ruleset`,
# both the `ip` and `ip6` kube-proxy tables) for every node of every scene into a fresh network namespace
# with iptables-nft-restore / ip6tables-nft-restore (nft -f), dump it back with the real tools and diff.
# No packet is sent. Needs root, `apt-get install -y iptables nftables ipset`, and the CLI built.
# usage (in the project checkout): [MODES="iptables ipvs nftables"] scripts/kernel-roundtrip.sh [SCENE.yaml ...]
#   default: src/scenarios/*.yaml and the dual-stack and IPv6-only scenes in scripts/kernel-scenes/, each
#   in every mode of MODES (a KubeProxyConfiguration with that mode applied after the scene; its other
#   fields stay): iptables-save and ip6tables-save (IPVS: with the IPv6 proxier's KUBE-6- ipsets), and in
#   nftables mode `nft list ruleset` with both the `ip` and the `ip6` kube-proxy tables.
set -u
here=$(dirname "$0")
scenes=("$@"); [ ${#scenes[@]} -gt 0 ] || scenes=(src/scenarios/*.yaml "$here"/kernel-scenes/*.yaml)
modes=(${MODES:-iptables ipvs nftables})
tmp=$(mktemp -d); ns=svclab-rt-$$
total=0; same=0; bad=()
declare -A kinds=()
norm() { grep -v '^#' "$1" | sed 's/ \[[0-9]*:[0-9]*\]$//'; }
# One iptables family's dump through the kernel: $1 scene, $2 node, $3 iptables|ip6tables, $4 mode.
roundtrip_xt() {
  local s=$1 n=$2 tool=$3 m=$4 fam=inet
  [ "$tool" = ip6tables ] && fam=inet6
  node bin/svclab.mjs -f "$s" -f "$tmp/mode-$m.yaml" node "$n" -- "$tool-save" 2>/dev/null | grep -v nfacct > "$tmp/ours"
  total=$((total+1)); kinds[$tool]=$(( ${kinds[$tool]:-0} + 1 ))
  # IPVS mode's rules match ipsets that kube-proxy creates first; create them with kube-proxy's types.
  for set in $(grep -o -- '--match-set [A-Z0-9-]*' "$tmp/ours" | awk '{print $2}' | sort -u); do
    case "$set" in
      KUBE-LOOP-BACK|KUBE-6-LOOP-BACK|KUBE-LOAD-BALANCER-SOURCE-IP|KUBE-6-LOAD-BALANCER-SOURCE-IP) type="hash:ip,port,ip" ;;
      KUBE-LOAD-BALANCER-SOURCE-CIDR|KUBE-6-LOAD-BALANCER-SOURCE-CIDR) type="hash:ip,port,net" ;;
      KUBE-NODE-PORT-SCTP*|KUBE-6-NODE-PORT-SCTP*) type="hash:ip,port" ;;
      KUBE-NODE-PORT-*|KUBE-6-NODE-PORT-*|KUBE-HEALTH-CHECK-NODE-PORT|KUBE-6-HEALTH-CHECK-NODE-PORT) type="bitmap:port range 0-65535" ;;
      *) type="hash:ip,port" ;;
    esac
    case "$type" in bitmap*) ip netns exec "$ns" ipset create "$set" $type 2>/dev/null ;;
      *) ip netns exec "$ns" ipset create "$set" $type family $fam 2>/dev/null ;; esac
  done
  if ip netns exec "$ns" "$tool-nft-restore" < "$tmp/ours" 2> "$tmp/err"; then
    ip netns exec "$ns" "$tool-nft-save" > "$tmp/kernel"
    if diff -q <(norm "$tmp/ours") <(norm "$tmp/kernel") >/dev/null; then same=$((same+1)); else
      bad+=("$(basename "$s") $m $n $tool: differs after a kernel round trip ($(diff <(norm "$tmp/ours") <(norm "$tmp/kernel") | grep -c '^[<>]') lines)"); fi
  else bad+=("$(basename "$s") $m $n $tool: $tool-nft-restore refused: $(head -c 160 "$tmp/err")"); fi
}
for m in "${modes[@]}"; do
  printf 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: %s\n' "$m" > "$tmp/mode-$m.yaml"
done
for s in "${scenes[@]}"; do
  for m in "${modes[@]}"; do
  nodes=$(node bin/svclab.mjs -f "$s" -f "$tmp/mode-$m.yaml" get nodes -o json 2>/dev/null | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{try{console.log(JSON.parse(t).items.map(n=>n.metadata.name).join(" "))}catch{}})')
  for n in $nodes; do
    ip netns add "$ns" || { echo "cannot create a network namespace"; exit 1; }
    if [ "$m" = nftables ]; then
      total=$((total+1)); kinds[nft]=$(( ${kinds[nft]:-0} + 1 ))
      node bin/svclab.mjs -f "$s" -f "$tmp/mode-$m.yaml" node "$n" -- nft list ruleset > "$tmp/ours" 2>/dev/null
      if ip netns exec "$ns" nft -f "$tmp/ours" 2> "$tmp/err"; then
        ip netns exec "$ns" nft list ruleset > "$tmp/kernel"
        # Same blocks (tables, chains, sets, maps) with the same content; block order and set element order are the kernel's.
        if r=$(python3 "$here/nft-blocks.py" "$tmp/ours" "$tmp/kernel"); then same=$((same+1)); else
          bad+=("$(basename "$s") $m $n: nft ruleset differs after a kernel round trip: $(echo "$r" | tail -n1)"); fi
      else bad+=("$(basename "$s") $m $n: nft -f refused: $(head -c 160 "$tmp/err")"); fi
      grep -q '^table ip6 kube-proxy' "$tmp/ours" && kinds[nft-ip6]=$(( ${kinds[nft-ip6]:-0} + 1 ))
    else
      roundtrip_xt "$s" "$n" iptables "$m"
      ip netns del "$ns"; ip netns add "$ns"
      roundtrip_xt "$s" "$n" ip6tables "$m"
    fi
    ip netns del "$ns"
  done
  done
done
rm -rf "$tmp"
for b in "${bad[@]}"; do echo "  $b"; done
for k in "${!kinds[@]}"; do echo "  $k: ${kinds[$k]} rule sets"; done | sort
echo "kernel round trip: $same/$total node rule sets identical"
[ "$same" -eq "$total" ] && [ "$total" -gt 0 ]
