# fish completion for omni-link

complete -c omni-link -F
complete -c omni-link -s w -l window -x -a '24h 72h 7d' -d 'An open ticket takes new messages this long'
complete -c omni-link -l dm-window -x -a '24h 72h' -d 'A direct-message thread goes on this long'
complete -c omni-link -l history -x -d 'At most this many earlier tickets'
complete -c omni-link -s b -l batch -x -d 'Records per transaction'
complete -c omni-link -s e -l explain -d 'Say on stderr which keys linked each ticket'
complete -c omni-link -s u -l unmerge -x -d 'Split this record out of its ticket'
complete -c omni-link -s c -l config -r -F -d 'Configuration file'
complete -c omni-link -s d -l db -r -F -d 'The store'
complete -c omni-link -s k -l keep-going -d 'Set malformed records aside and go on'
complete -c omni-link -s r -l reject -r -F -d 'Where --keep-going puts malformed records'
complete -c omni-link -l now -x -d 'The clock (RFC 3339 or Unix seconds)'
complete -c omni-link -s q -l quiet -d 'No warnings'
complete -c omni-link -s v -l verbose -d 'More detail'
complete -c omni-link -s h -l help -d 'Print the usage'
complete -c omni-link -s V -l version -d 'Print the version'
