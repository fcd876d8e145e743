#!/usr/bin/env bash
# Removes a text from every version of the plan kept by git, for good: the
# files of every commit are rewritten with the text replaced, then the old
# versions are dropped from the repository. Run it in the repository, with
# nothing uncommitted; everyone who cloned it must clone it again after.
#
#   docs/forget.sh '06 12 34 56 78' '[retiré]'
#
# Uses only git (filter-branch, which git still ships) and perl (part of
# every Debian system). Replaces the text as it is written, in every .yaml
# file of every commit.
set -euo pipefail
if [[ $# -ne 2 || -z "$1" ]]; then
    echo "usage: docs/forget.sh TEXT REPLACEMENT" >&2
    exit 2
fi
if [[ -n "$(git status --porcelain)" ]]; then
    echo "forget: commit or set aside your changes first (git status)" >&2
    exit 1
fi
export FORGET_TEXT="$1" FORGET_BY="$2" FILTER_BRANCH_SQUELCH_WARNING=1
git filter-branch --force --tree-filter '
    git ls-files -z -- "*.yaml" | xargs -0 -r perl -0777 -pi -e "s/\\Q\$ENV{FORGET_TEXT}\\E/\$ENV{FORGET_BY}/g"
' -- --all >/dev/null
# Drop the old versions: the backup refs, the reflog, the loose objects.
git for-each-ref --format='%(refname)' refs/original/ | xargs -r -n 1 git update-ref -d
git reflog expire --expire=now --all
git gc --quiet --prune=now
echo "forget: the text is gone from every commit; push with --force and ask everyone to clone again"
