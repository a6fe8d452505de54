# shellcheck shell=bash
# Lists the Gherkin scenarios the acceptance run executed through Reqnroll, from its TRX file. Sourced, never run.

# The adapter's count of scenarios per tag (and how they ended per tag), rewritten after every scenario.
SCENARIO_TAGS_FILE=artifacts/reqnroll/SyncLab.Acceptance.tags.txt

# scenario_report DIR: prints one line per scenario (outcome and name) and a count, for the TRX files of
# SyncLab.Acceptance in DIR, the scenarios per tag, and where Reqnroll's own reports are.
scenario_report() {
    local file found=0 passed=0 failed=0 other=0 line name outcome
    for file in "$1"/*.trx; do
        [[ -f $file ]] || continue
        grep -q 'SyncLab.Acceptance.dll' "$file" || continue
        found=1
        log "scenarios executed through Reqnroll ($(basename "$file")):"
        while IFS= read -r line; do
            name=$(sed -n 's/.* testName="\([^"]*\)".*/\1/p' <<<"$line")
            outcome=$(sed -n 's/.* outcome="\([^"]*\)".*/\1/p' <<<"$line")
            name=${name//&amp;/&}
            name=${name//&quot;/\"}
            name=${name//&lt;/<}
            name=${name//&gt;/>}
            name=${name//&#39;/\'}
            printf '  %-7s %s\n' "$outcome" "$name"
            case $outcome in
            Passed) passed=$((passed + 1)) ;;
            Failed) failed=$((failed + 1)) ;;
            *) other=$((other + 1)) ;;
            esac
        done < <(grep -o '<UnitTestResult [^>]*>' "$file")
    done
    if [[ -f $SCENARIO_TAGS_FILE ]]; then
        log "scenarios per tag (${SCENARIO_TAGS_FILE}):"
        sed 's/^/  /' "$SCENARIO_TAGS_FILE"
    elif ((found)); then
        warn "no $SCENARIO_TAGS_FILE: the adapter counted no scenario per tag"
    fi
    if ((found)); then
        log "acceptance run (scenarios through Reqnroll and the spec-folder guard): $passed passed, $failed failed, $other other; Reqnroll report: artifacts/reqnroll/report.html, messages: artifacts/reqnroll/messages.ndjson"
    else
        warn "no TRX file of SyncLab.Acceptance: no scenario ran"
    fi
}
