
# Ids from the plan, asked of `ctg __ids KIND` (with the line's --plan):
# the actions of the argument specs above name `_ctg_ids KIND`, which
# `_arguments` calls with its own compadd options first (`_ctg_ids -J
# -default- KIND`): the kind is the last word, the others go to compadd.
_ctg_ids() {
    local -a plan ids
    local kind=${@[-1]}
    local i=${words[(i)--plan]}
    if (( i < ${#words} )); then
        plan=(--plan "${words[i+1]}")
    fi
    # A budget line belongs to the sheet after `record`, and is followed
    # by its amount: `caf-psu=`.
    local -a sheet suffix
    if [[ $kind == budget-line ]]; then
        local r=${words[(i)record]}
        (( r < ${#words} )) && sheet=("${words[r+1]}")
        suffix=(-S =)
    fi
    ids=(${(f)"$(ctg "${plan[@]}" __ids "$kind" "${sheet[@]}" 2>/dev/null)"})
    compadd "${@[1,-2]}" "${suffix[@]}" -a ids
}
