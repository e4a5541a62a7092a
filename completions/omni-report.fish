# fish completion for omni-report

complete -c omni-report -s b -l by -x -d 'group by these top-level fields' -a 'channel,store channel store intent lang queue assignee kind status'
complete -c omni-report -s p -l period -x -d 'and by period' -a 'day week month'
complete -c omni-report -s s -l since -x -d 'window start (RFC 3339, date, or 7d)'
complete -c omni-report -s u -l until -x -d 'window end (exclusive)'
complete -c omni-report -s f -l format -x -d 'output format' -a 'table csv json markdown html prometheus'
complete -c omni-report -s d -l db -r -F -d 'read the tickets of the store'
complete -c omni-report -l compare -x -d 'the window before, and the change' -a previous
complete -c omni-report -l partial -d 'write mergeable partial aggregates'
complete -c omni-report -l merge -d 'read partial aggregates'
complete -c omni-report -l unique -d 'ids are unique: keep no per-ticket state'
complete -c omni-report -s k -l keep-going -d 'set malformed records aside and go on'
complete -c omni-report -s r -l reject -r -F -d 'where --keep-going puts them'
complete -c omni-report -l now -x -d 'the clock (RFC 3339 or Unix seconds)'
complete -c omni-report -s q -l quiet -d 'no warnings'
complete -c omni-report -s v -l verbose -d 'more detail'
complete -c omni-report -s h -l help -d 'this help'
complete -c omni-report -s V -l version -d 'version'
