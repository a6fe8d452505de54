# shellcheck shell=bash
# Totals over every TRX file that dotnet test wrote. Sourced, never run.

# trx_totals DIR: sets TRX_FILES, TRX_TOTAL, TRX_PASSED, TRX_FAILED and TRX_SKIPPED, summed over DIR/*.trx.
# failed counts failed, error, timeout and aborted results; skipped is total minus executed.
trx_totals() {
    TRX_FILES=0 TRX_TOTAL=0 TRX_PASSED=0 TRX_FAILED=0 TRX_SKIPPED=0
    local file counters
    for file in "$1"/*.trx; do
        [[ -f $file ]] || continue
        counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1) || true
        if [[ -z $counters ]]; then
            warn "no <Counters> in $file (test run cut short?)"
            continue
        fi
        TRX_FILES=$((TRX_FILES + 1))
        TRX_TOTAL=$((TRX_TOTAL + $(_trx_attr total)))
        TRX_PASSED=$((TRX_PASSED + $(_trx_attr passed)))
        TRX_FAILED=$((TRX_FAILED + $(_trx_attr failed) + $(_trx_attr error) + $(_trx_attr timeout) + $(_trx_attr aborted)))
        TRX_SKIPPED=$((TRX_SKIPPED + $(_trx_attr total) - $(_trx_attr executed)))
    done
}

# The value of one attribute of $counters, 0 when absent.
_trx_attr() {
    local value
    value=$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | tr -dc '0-9') || true
    echo "${value:-0}"
}

# trx_failures DIR: one block per failed test in DIR/*.trx, its name and the first lines of its
# message, so the tail of a CI log says what failed without the full console output.
trx_failures() {
    local file
    for file in "$1"/*.trx; do
        [[ -f $file ]] || continue
        perl -0777 -ne '
            while (/<UnitTestResult\b([^>]*)>(.*?)<\/UnitTestResult>/sg) {
                my ($attrs, $body) = ($1, $2);
                next unless $attrs =~ /outcome="(Failed|Error|Timeout|Aborted)"/;
                my ($name) = $attrs =~ /testName="([^"]*)"/;
                my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
                for ($name, $message) { next unless defined; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/\x27/g; s/&amp;/&/g; }
                my @lines = grep { /\S/ } split /\n/, ($message // "(no message)");
                print "  FAILED $name\n";
                print "    $_\n" for @lines[0 .. ($#lines < 5 ? $#lines : 5)];
            }' "$file"
    done
}
