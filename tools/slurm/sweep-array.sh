#!/bin/sh
# An exhaustive sweep as a Slurm job array, then a merge job that waits for it.
#
#   tools/slurm/sweep-array.sh submit [N]     submit N shard tasks (default 64) and the merge
#   tools/slurm/sweep-array.sh shard          one task (run by Slurm: shard $SLURM_ARRAY_TASK_ID/N)
#   tools/slurm/sweep-array.sh merge          merge the N shard reports into sweep.json
#
# FUNCTION, FORMAT, IMPLEMENTATION and OUT (the reports' directory) come from the environment;
# softmax-ref is .build/release/softmax-ref (swift build -c release) unless SOFTMAX_REF is set.
#SBATCH --job-name=softmax-sweep
#SBATCH --cpus-per-task=2
#SBATCH --time=01:00:00
set -eu
FUNCTION=${FUNCTION:-sigmoid}
FORMAT=${FORMAT:-f32}
IMPLEMENTATION=${IMPLEMENTATION:-simd}
OUT=${OUT:-sweep-$FUNCTION-$FORMAT-$IMPLEMENTATION}
SOFTMAX_REF=${SOFTMAX_REF:-.build/release/softmax-ref}
export FUNCTION FORMAT IMPLEMENTATION OUT SOFTMAX_REF

case "${1:-}" in
submit)
    N=${2:-64}
    mkdir -p "$OUT"
    array=$(sbatch --parsable --array="1-$N" --export=ALL,SHARDS="$N" --output="$OUT/shard-%a.log" "$0" shard)
    sbatch --parsable --dependency="afterany:$array" --export=ALL,SHARDS="$N" --output="$OUT/merge.log" "$0" merge
    ;;
shard)
    K=$SLURM_ARRAY_TASK_ID
    N=${SHARDS:-$SLURM_ARRAY_TASK_COUNT}
    # A requeued task resumes from its checkpoint. Exit 1 (outputs beyond the profile) is a result.
    "$SOFTMAX_REF" sweep --function "$FUNCTION" --format "$FORMAT" --implementation "$IMPLEMENTATION" --rounding all \
        --shard "$K/$N" --threads "${SLURM_CPUS_PER_TASK:-2}" --checkpoint "$OUT/shard-$K.checkpoint" \
        --report json --output "$OUT/shard-$K.json" || test $? -eq 1
    ;;
merge)
    "$SOFTMAX_REF" sweep merge "$OUT"/shard-*.json --report json --output "$OUT/sweep.json" || test $? -eq 1
    "$SOFTMAX_REF" sweep merge "$OUT"/shard-*.json --report text --output "$OUT/sweep.txt" || test $? -eq 1
    ;;
*)
    echo "usage: $0 submit [N] | shard | merge" >&2
    exit 2
    ;;
esac
