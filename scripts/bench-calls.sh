#!/usr/bin/env bash
# Call load benchmark: N concurrent SIPp calls with RTP both ways for SECONDS each (default 30), first
# SIPp UAC -> SIPp UAS directly (the baseline), then through a freshly started callvault (embedded
# defaults in a temp directory; the UAS registers as 202, the UAC calls as 201, every call is recorded).
# Prints a machine line and a Markdown table for docs/benchmarks.md:
#   calls completed / failed         last row of sipp's -trace_stat CSV (UAC side)
#   RTP loss                         from a header-only capture on lo (dumpcap, port filter: the two
#                                    SIPp media ports only). The UAS echoes every packet (-rtp_echo), so
#                                    the capture sees each packet enter and leave callvault's relay in
#                                    both directions; matched by SSRC + sequence number. A packet that
#                                    never left is "lost" if it came before the last forwarded packet of
#                                    its stream, "after teardown" if after (the relay closes at BYE)
#   added one-way latency p50/p99    capture time leaving the relay minus capture time entering it
#   callvault CPU per call-second    utime+stime of the server process (/proc/PID/stat) from the first
#                                    INVITE to the last recording sealed, divided by N x SECONDS (call
#                                    set-up and teardown included); also less the idle server's own CPU
#                                    (sampled for 5 s before); "calls per core" is the inverse
# A warm-up batch (min(N,50) calls of 5 s) runs through callvault before the measured run, so JIT
# compilation of the call path is not counted. Nothing is installed; it needs sipp, sox, dumpcap
# (tshark's package), python3 and a JDK 25 for bin/callvault. Everything binds to 127.0.0.1, every
# process is bounded by timeout and stopped by its PID, captures stop at 512 MiB.
# Environment: RATE (calls/s while ramping up, default 25), CALLVAULT_BIN (default bin/callvault),
# CALLVAULT_HARNESS (default ../shared/harness), KEEP=1 keeps the work directory.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "bench-calls: $*" >&2; exit 2; }

N=${1:-}; SECS=${2:-30}
[[ $N =~ ^[0-9]+$ ]] && (( N >= 1 && N <= 500 )) || die "usage: $0 N [SECONDS]  (N concurrent calls, 1-500)"
[[ $SECS =~ ^[0-9]+$ ]] && (( SECS >= 5 && SECS <= 300 )) || die "SECONDS must be 5-300, not '$SECS'"
RATE=${RATE:-25}; [[ $RATE =~ ^[0-9]+$ ]] && (( RATE >= 1 && RATE <= 200 )) || die "RATE must be 1-200"
CALLVAULT=${CALLVAULT_BIN:-$ROOT/bin/callvault}
HARNESS=$(cd "${CALLVAULT_HARNESS:-$ROOT/../shared/harness}" 2>/dev/null && pwd) || die "no SIP harness at ../shared/harness"
SCEN=$ROOT/server/src/test/resources/sipp
for t in sipp sox dumpcap python3 timeout; do
  command -v "$t" >/dev/null || die "needs $t (scripts/install-test-deps.sh; dumpcap comes with tshark)"
done

WORK=$(mktemp -d /tmp/callvault-bench.XXXXXX)
PIDS=()
stop_pid() { # TERM, then KILL after 5 s; only processes this script started
  kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null
}
cleanup() { for p in "${PIDS[@]}"; do stop_pid "$p"; done; [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

# free_ports COUNT: first of COUNT consecutive ports free for UDP and TCP on 127.0.0.1 (even, 20000-29999)
free_ports() {
  python3 - "$1" <<'EOF'
import random, socket, sys
n = int(sys.argv[1])
def free(p):
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        s = socket.socket(socket.AF_INET, kind)
        try: s.bind(("127.0.0.1", p))
        except OSError: return False
        finally: s.close()
    return True
for _ in range(500):
    base = 20000 + 4 * random.randrange(2500 - n)
    if all(free(p) for p in range(base, base + n)):
        print(base); sys.exit(0)
sys.exit("no free ports")
EOF
}
# await_udp_bound PORT: until some process (the one just started) has bound it, 10 s at most
await_udp_bound() {
  python3 - "$1" <<'EOF'
import socket, sys, time
end = time.time() + 10
while time.time() < end:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try: s.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError: sys.exit(0)
    finally: s.close()
    time.sleep(0.05)
sys.exit("port %s never bound" % sys.argv[1])
EOF
}
BASE=$(free_ports 12) || die "no 12 consecutive free ports in 20000-29999"
UAC_MEDIA=$BASE; UAS_MEDIA=$(( BASE + 4 ))   # SIPp takes media port .. +3
UAC_SIP=$(( BASE + 8 )); UAS_SIP=$(( BASE + 9 )); CV_SIP=$(( BASE + 10 )); CV_HTTP=$(( BASE + 11 ))
CV_MEDIA_MIN=40000; CV_MEDIA_MAX=44999   # 2 port pairs per call; ports taken by others are skipped

bash "$HARNESS/make_audio.sh" "$WORK/audio" >/dev/null 2>&1 || die "make_audio.sh failed"
sox -D "$WORK/audio/caller_speech.wav" -t ul "$WORK/caller.ul" || die "sox failed"
cd "$WORK" || die "no work dir"   # SIPp opens rtp_stream files relative to the current directory

RAMP=$(( (N + RATE - 1) / RATE ))
UAC_TMO=$(( SECS + RAMP + 60 ))
UAS_ECHO=(sipp -sf "$HARNESS/sipp/uas_echo.xml" -rtp_echo -i 127.0.0.1 -mi 127.0.0.1 -nostdin -p "$UAS_SIP"
          -mp "$UAS_MEDIA" -trace_err)

# capture PHASE: header-only capture of the two SIPp media ports (every hop of every RTP packet)
capture() {
  timeout "$(( UAC_TMO + 30 ))" dumpcap -i lo -s 64 -B 64 -P -a filesize:524288 -w "$WORK/$1.pcap" \
    -f "udp and (port $UAC_MEDIA or port $UAS_MEDIA)" >"$WORK/$1.dumpcap.log" 2>&1 &
  PIDS+=($!); CAP_PID=$!
  for _ in $(seq 100); do grep -q "Capturing on" "$WORK/$1.dumpcap.log" && break; sleep 0.1; done
  grep -q "Capturing on" "$WORK/$1.dumpcap.log" || die "dumpcap did not start: $(cat "$WORK/$1.dumpcap.log")"
}

# uac PHASE SCENARIO CALLS CALL_SECONDS ARGS...: the SIPp UAC; returns its exit code
uac() {
  local phase=$1 sf=$2 calls=$3 secs=$4; shift 4
  timeout "$UAC_TMO" sipp -sf "$sf" -i 127.0.0.1 -mi 127.0.0.1 -nostdin -p "$UAC_SIP" -mp "$UAC_MEDIA" \
    -m "$calls" -l "$calls" -r "$RATE" -d "$(( secs * 1000 ))" -recv_timeout 20000 -trace_err \
    -error_file "$WORK/$phase.uac_errors.log" -trace_stat -stf "$WORK/$phase.uac_stat.csv" -fd 1 "$@" \
    >"$WORK/$phase.uac.out" 2>&1
}

echo "ports: uac media $UAC_MEDIA, uas media $UAS_MEDIA, uac $UAC_SIP, uas $UAS_SIP, callvault $CV_SIP" >"$WORK/ports"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB, Linux $(uname -r), $(sipp -v 2>/dev/null | grep -o 'SIPp v[0-9.]*'); $(date -u +%F)"
echo "bench-calls: $N concurrent calls x $SECS s, ramp $RATE calls/s, work dir $WORK" >&2

# (a) direct: SIPp UAC -> SIPp UAS (echo), no callvault
timeout "$(( UAC_TMO + 10 ))" "${UAS_ECHO[@]}" -m "$N" -error_file "$WORK/direct.uas_errors.log" >"$WORK/direct.uas.out" 2>&1 &
PIDS+=($!); UAS_PID=$!
await_udp_bound "$UAS_SIP" || die "the direct UAS did not start: $(tail -5 "$WORK/direct.uas.out")"
capture direct
uac direct "$HARNESS/sipp/uac_media.xml" "$N" "$SECS" -key to_uri "sip:callee@127.0.0.1:$UAS_SIP" "127.0.0.1:$UAS_SIP"
echo "direct_rc=$?" >"$WORK/direct.rc"
sleep 1; stop_pid "$UAS_PID"; stop_pid "$CAP_PID"

# (b) through callvault
export CALLVAULT_DATA_DIR="$WORK/data" CALLVAULT_SIP_PORT="$CV_SIP" CALLVAULT_HTTP_PORT="$CV_HTTP" \
  CALLVAULT_MEDIA_PORT_MIN="$CV_MEDIA_MIN" CALLVAULT_MEDIA_PORT_MAX="$CV_MEDIA_MAX" CALLVAULT_LOG_LEVEL=info
PW_A=bench-alice-201-secret; PW_B=bench-bob-202-secret
echo "$PW_A" | timeout 300 "$CALLVAULT" extension add 201 --name Alice --password-stdin >"$WORK/ext.log" 2>&1 \
  && echo "$PW_B" | timeout 120 "$CALLVAULT" extension add 202 --name Bob --password-stdin >>"$WORK/ext.log" 2>&1 \
  || die "extension add failed: $(cat "$WORK/ext.log")"
timeout "$(( 3 * UAC_TMO + 300 ))" "$CALLVAULT" serve >"$WORK/serve.log" 2>&1 &
PIDS+=($!); SERVE_TMO_PID=$!
for _ in $(seq 1200); do grep -q "callvault serving" "$WORK/serve.log" && break; kill -0 "$SERVE_TMO_PID" 2>/dev/null || break; sleep 0.1; done
grep -q "callvault serving" "$WORK/serve.log" || die "callvault did not start: $(tail -20 "$WORK/serve.log")"
CV_PID=$(cat "/proc/$SERVE_TMO_PID/task/$SERVE_TMO_PID/children" | awk '{print $1}')   # the java under timeout
CV="127.0.0.1:$CV_SIP"
CV_UAC=(-key to_uri "sip:202@$CV" -auth_uri "202@$CV" -s 201 -ap "$PW_A" "$CV")
timeout 30 sipp -sf "$SCEN/register.xml" "$CV" -i 127.0.0.1 -p "$UAS_SIP" -s 202 -ap "$PW_B" -m 1 -nostdin \
  -recv_timeout 10000 >"$WORK/register.out" 2>&1 || die "REGISTER of 202 failed: $(tail -20 "$WORK/register.out")"
timeout "$(( 2 * UAC_TMO + 60 ))" "${UAS_ECHO[@]}" -error_file "$WORK/callvault.uas_errors.log" >"$WORK/callvault.uas.out" 2>&1 &
PIDS+=($!); UAS_PID=$!
await_udp_bound "$UAS_SIP" || die "the UAS did not start: $(tail -5 "$WORK/callvault.uas.out")"

sealed() { grep -c "recording .* sealed" "$WORK/serve.log"; }
await_sealed() { for _ in $(seq 300); do [ "$(sealed)" -ge "$1" ] && return; sleep 0.1; done; }
WARM=$(( N < 50 ? N : 50 ))
uac warmup "$SCEN/uac_auth_media.xml" "$WARM" 5 "${CV_UAC[@]}"
await_sealed "$WARM"; sleep 2
cpu() { awk '{print $14 + $15}' "/proc/$CV_PID/stat"; }
IDLE0=$(cpu); sleep 5; IDLE1=$(cpu)   # the idle server's own CPU (GC, timers), 5 s
capture callvault
CPU0=$(cpu); T0=$(date +%s.%N)
uac callvault "$SCEN/uac_auth_media.xml" "$N" "$SECS" "${CV_UAC[@]}"
echo "callvault_rc=$?" >"$WORK/callvault.rc"
await_sealed $(( WARM + N ))
CPU1=$(cpu); T1=$(date +%s.%N)
RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$CV_PID/status")
sleep 1; stop_pid "$UAS_PID"; stop_pid "$CAP_PID"
SEALED=$(( $(sealed) - WARM ))
stop_pid "$SERVE_TMO_PID"

# Reads the two captures, sipp's stat CSVs and the CPU samples; prints the Markdown table. Exit status 0
# only if no call failed and no packet was lost in the relay mid-call with a complete capture.
python3 - "$WORK" "$N" "$SECS" "$UAC_MEDIA" "$UAS_MEDIA" "$(getconf CLK_TCK)" "$CPU0" "$CPU1" \
  "$T0" "$T1" "$RSS_KB" "$SEALED" "$IDLE0" "$IDLE1" <<'PY'
import json, mmap, os, re, struct, sys

work, n, secs, uac_port, uas_port, hz, cpu0, cpu1, t0, t1, rss_kb, sealed, idle0, idle1 = sys.argv[1:15]
n, secs, uac_port, uas_port, hz = int(n), int(secs), int(uac_port), int(uas_port), int(hz)

def packets(path):
    """(time, src port, dst port, ssrc<<16|seq) of each RTP packet in a pcap (Ethernet or cooked)."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as d:
        magic = d[:4]
        e = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
        scale = 1e-9 if magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d") else 1e-6
        l2 = {1: 14, 113: 16, 276: 20, 0: 4}[struct.unpack_from(e + "I", d, 20)[0]]
        off, end, rec = 24, len(d), struct.Struct(e + "IIII")
        while off + 16 <= end:
            s, frac, incl, _ = rec.unpack_from(d, off)
            p, off = off + 16, off + 16 + incl
            ip = p + l2
            if incl < l2 + 40 or d[ip] >> 4 != 4 or d[ip + 9] != 17:
                continue
            u = ip + (d[ip] & 15) * 4
            r = u + 8
            if r + 12 > p + incl or d[r] >> 6 != 2 or 72 <= (d[r + 1] & 0x7F) <= 76:
                continue   # not RTP version 2, or RTCP
            sport, dport = struct.unpack_from(">HH", d, u)
            seq, = struct.unpack_from(">H", d, r + 2)
            ssrc, = struct.unpack_from(">I", d, r + 8)
            yield s + frac * scale, sport, dport, ssrc << 16 | seq

def hop(into, out):
    """Packets that entered (key -> time) against those that left: lost mid-call, after teardown, delays."""
    last = {}
    delays = []
    for k, t in into.items():
        if k in out:
            delays.append(out[k] - t)
            last[k >> 16] = max(last.get(k >> 16, 0), t)
    lost = [k for k in into if k not in out]
    mid = sum(1 for k in lost if into[k] < last.get(k >> 16, 0))
    return {"in": len(into), "out": len(out), "lost": mid, "tail": len(lost) - mid, "delays": delays}

def analyze(phase):
    dirs = {"fwd_in": {}, "fwd_out": {}, "back_in": {}, "back_out": {}}
    for t, sp, dp, k in packets(os.path.join(work, phase + ".pcap")):
        if sp == uac_port and dp == uas_port:       # direct: UAC -> UAS is one hop
            dirs["fwd_in"][k] = dirs["fwd_out"][k] = t
        elif sp == uas_port and dp == uac_port:
            dirs["back_in"][k] = dirs["back_out"][k] = t
        elif sp == uac_port:
            dirs["fwd_in"][k] = t
        elif dp == uas_port:
            dirs["fwd_out"][k] = t
        elif sp == uas_port:
            dirs["back_in"][k] = t
        elif dp == uac_port:
            dirs["back_out"][k] = t
    log = open(os.path.join(work, phase + ".dumpcap.log")).read()
    m = re.search(r"received/dropped on interface '[^']*': \d+/(\d+)", log)
    streams = {}
    for k in dirs["fwd_out"]:
        streams[k >> 16] = streams.get(k >> 16, 0) + 1
    return {"fwd": hop(dirs["fwd_in"], dirs["fwd_out"]), "back": hop(dirs["back_in"], dirs["back_out"]),
            "echo": hop(dirs["fwd_out"], dirs["back_in"]), "streams": len(streams),
            "min_stream": min(streams.values(), default=0), "cap_drops": m.group(1) if m else "?",
            "truncated": os.path.getsize(os.path.join(work, phase + ".pcap")) >= 512 * 1024 * 1024 - 65536}

def stats(phase):
    path = os.path.join(work, phase + ".uac_stat.csv")
    if not os.path.exists(path):
        return {"SuccessfulCall(C)": "?", "FailedCall(C)": "?"}
    rows = [l.rstrip("\n;").split(";") for l in open(path) if l.strip()]
    return dict(zip(rows[0], rows[-1]))

def pct(values, q):
    v = sorted(values)
    return v[int(q * (len(v) - 1))] * 1e6 if v else float("nan")

res = {p: analyze(p) for p in ("direct", "callvault")}
st = {p: stats(p) for p in ("direct", "callvault")}
rc = {p: open(os.path.join(work, p + ".rc")).read().strip().split("=")[1] for p in ("direct", "callvault")}
cpu_s = (float(cpu1) - float(cpu0)) / hz
per_call_s = cpu_s / (n * secs)
idle_s = (float(idle1) - float(idle0)) / hz / 5 * (float(t1) - float(t0))   # idle CPU over the same time
net_call_s = (cpu_s - idle_s) / (n * secs)
d, c = res["direct"], res["callvault"]
delays = c["fwd"]["delays"] + c["back"]["delays"]
row = lambda name, a, b: print(f"| {name} | {a} | {b} |")
print(f"\n{n} concurrent calls, {secs} s of RTP each (PCMU, 20 ms), SIPp UAS echoing every packet\n")
print("| measure | SIPp -> SIPp direct | SIPp -> callvault -> SIPp |")
print("|---|---|---|")
row("calls completed / failed (sipp UAC; exit code)",
    f"{st['direct']['SuccessfulCall(C)']} / {st['direct']['FailedCall(C)']} (rc {rc['direct']})",
    f"{st['callvault']['SuccessfulCall(C)']} / {st['callvault']['FailedCall(C)']} (rc {rc['callvault']})")
row("recordings sealed", "", sealed)
row("RTP streams reaching the UAS (min packets in one)", f"{d['streams']} ({d['min_stream']})",
    f"{c['streams']} ({c['min_stream']})")
row("RTP packets caller -> callee: sent / delivered", f"{d['fwd']['in']} / {d['fwd']['out']}",
    f"{c['fwd']['in']} / {c['fwd']['out']}")
row("RTP packets callee -> caller: echoed / delivered", f"{d['back']['in']} / {d['back']['out']}",
    f"{c['back']['in']} / {c['back']['out']}")
row("packets lost in the relay mid-call (caller->callee / callee->caller)", "n/a",
    f"{c['fwd']['lost']} / {c['back']['lost']}")
row("packets not forwarded after teardown (in flight at BYE)", "n/a", f"{c['fwd']['tail']} / {c['back']['tail']}")
row("packets the UAS did not echo (SIPp's own loss)", f"{d['echo']['lost'] + d['echo']['tail']}",
    f"{c['echo']['lost'] + c['echo']['tail']}")
row("added one-way latency p50 / p99 / max (µs)", "n/a",
    f"{pct(delays, .5):.0f} / {pct(delays, .99):.0f} / {pct(delays, 1):.0f}")
row("callvault CPU per call-second, ms (CPU s in wall s)", "",
    f"{per_call_s * 1000:.2f} ({cpu_s:.1f} s in {float(t1) - float(t0):.0f} s)")
row("the same less the idle server's CPU over that time, ms", "", f"{net_call_s * 1000:.2f} (idle {idle_s:.1f} s)")
row("calls one core carries (gross / less idle)", "",
    f"{1 / per_call_s:.0f} / {1 / net_call_s:.0f}" if net_call_s > 0 else "?")
row("callvault resident memory at the end (MiB)", "", f"{int(rss_kb) / 1024:.0f}")
row("capture: packets dropped by dumpcap", f"{d['cap_drops']}{' TRUNCATED' if d['truncated'] else ''}",
    f"{c['cap_drops']}{' TRUNCATED' if c['truncated'] else ''}")
ok = (st["callvault"]["FailedCall(C)"] == "0" and c["fwd"]["lost"] == 0 and c["back"]["lost"] == 0
      and c["cap_drops"] == "0" and not c["truncated"])
sys.exit(0 if ok else 1)
PY
