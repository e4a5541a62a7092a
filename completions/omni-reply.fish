# fish completion for omni-reply

complete -c omni-reply -s a -l auto -d 'answer only what needs no person'
complete -c omni-reply -s s -l send -d 'deliver each reply that passes the lint'
complete -c omni-reply -s l -l lint -d 'check the replies already in the tickets'
complete -c omni-reply -s t -l template -x -d 'use this template for every ticket' -a 'wismo status return return_label refund refund_partial replacement address_change cancellation damaged presale delay claim'
complete -c omni-reply -s T -l templates -x -a '(__fish_complete_directories)' -d 'look for templates here first'
complete -c omni-reply -s c -l config -r -F -d 'configuration file'
complete -c omni-reply -s d -l db -r -F -d 'the store, with the send ledger'
complete -c omni-reply -l human -d "the replies are a person's (Meta's 7-day window)"
complete -c omni-reply -s k -l keep-going -d 'set malformed records aside and go on'
complete -c omni-reply -s r -l reject -r -F -d 'where --keep-going puts them'
complete -c omni-reply -l now -x -d 'the clock (RFC 3339 or Unix seconds)'
complete -c omni-reply -s q -l quiet -d 'no warnings'
complete -c omni-reply -s v -l verbose -d 'more detail'
complete -c omni-reply -s h -l help -d 'this help'
complete -c omni-reply -s V -l version -d 'version'
