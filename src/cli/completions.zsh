
# Ids from the plan, asked of `ctg __ids KIND` (with the line's --plan):
# the actions of the argument specs above name `_ctg_ids KIND`.
_ctg_ids() {
    local -a plan ids
    local i=${words[(i)--plan]}
    if (( i < ${#words} )); then
        plan=(--plan "${words[i+1]}")
    fi
    ids=(${(f)"$(ctg "${plan[@]}" __ids "$1" 2>/dev/null)"})
    compadd -a ids
}
