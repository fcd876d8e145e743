
# Ids from the plan, asked of `ctg __ids KIND [SHEET]` (with the line's
# --plan); anything else is clap's completion above.
_ctg_ids() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local prev="${COMP_WORDS[COMP_CWORD-1]}"
    local plan=() sheet="" kind="" i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            --plan) plan=(--plan "${COMP_WORDS[i+1]}") ;;
            record|set|milestone|indicator) sheet="${COMP_WORDS[i+1]}" ;;
        esac
    done
    case "$prev" in
        record|set|milestone|indicator) kind=sheet; sheet="" ;;
        show|--action) kind=any ;;
        --axis) kind=axis ;;
        --objective) kind=objective ;;
        --partner|--lead|--partners|--funder) kind=partner ;;
        --field|--fields) kind=field ;;
        --tracks) kind=track ;;
        --reached) kind=milestone ;;
        --measure) kind=indicator ;;
        --spent) kind=budget-line ;;
    esac
    if [[ -n "$kind" && "$cur" != -* ]]; then
        local ids
        ids="$(ctg "${plan[@]}" __ids "$kind" ${sheet:+"$sheet"} 2>/dev/null)"
        # A comma list completes its last item, after the ones typed.
        local head="" tail="$cur"
        case "$prev" in
            --partners|--fields|--tracks) tail="${cur##*,}"; head="${cur%"$tail"}" ;;
        esac
        COMPREPLY=($(compgen -P "$head" -W "$ids" -- "$tail"))
        # A budget line is followed by its amount: `caf-psu=`.
        if [[ "$kind" == budget-line ]]; then
            COMPREPLY=("${COMPREPLY[@]/%/=}")
            compopt -o nospace 2>/dev/null
        fi
        return 0
    fi
    _ctg "$@"
}

complete -F _ctg_ids -o bashdefault -o default ctg
