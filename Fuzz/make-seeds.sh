#!/bin/bash
# Seeds each fuzz target from the shipped files: scenario and playbook YAML, every `when:`
# condition, the labelled replies (as JSON lines and as bare replies), model answers, and
# transcripts recorded by `dojo play --autoplay` over every shipped scenario.
# Usage: Fuzz/make-seeds.sh OUT_DIR DOJO_BINARY   (run from the repository root)
set -euo pipefail
out=$1
dojo=$2
rm -rf "$out"
mkdir -p "$out"/{FuzzScenarioLoader,FuzzConditionParser,FuzzJSONLine,FuzzTranscript,FuzzEvaluator}

n=0
while IFS= read -r file; do
    n=$((n + 1)); cp "$file" "$out/FuzzScenarioLoader/shipped-$n.yaml"
done < <(find Scenarios -name '*.yaml' | sort)

n=0
while IFS= read -r line; do
    n=$((n + 1)); printf '%s' "$line" > "$out/FuzzConditionParser/when-$n"
done < <(grep -h 'when:' -r Scenarios | sed -e 's/^[ -]*when: *//' -e 's/^"//' -e 's/"$//' | sort -u)

n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" > "$out/FuzzJSONLine/reply-$n.json"
    printf '%s' "$line" | sed -e 's/.*"reply": *"//' -e 's/", *"orientation.*//' > "$out/FuzzEvaluator/reply-$n.txt"
done < <(head -n 80 Tests/DojoKitTests/Fixtures/replies.jsonl)

n=0
while IFS= read -r line; do
    n=$((n + 1)); printf '%s' "$line" > "$out/FuzzEvaluator/model-$n.txt"
done < <(grep -h 'model_answer:' -r Scenarios | sed -e 's/^ *model_answer: *//' -e 's/^"//' -e 's/"$//' | sort -u)

ids=$("$dojo" list --format json --scenarios Scenarios | grep '"id"' | sed -e 's/.*"id" : "//' -e 's/".*//')
for id in $ids; do
    for mode in model weak; do
        file="$out/FuzzTranscript/$id-$mode.jsonl"
        "$dojo" play "$id" --seed 1 --autoplay "$mode" --transcript "$file" --scenarios Scenarios < /dev/null > /dev/null
        head -n 3 "$file" | tail -n 1 > "$out/FuzzJSONLine/$id-$mode-line.json"
    done
done
echo "seeds: $(find "$out" -type f | wc -l) files in $out"
