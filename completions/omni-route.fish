# fish completion for omni-route

complete -c omni-route -F
complete -c omni-route -s R -l rules -r -F -d 'The rules file'
complete -c omni-route -l check -d 'Check the rules, lexicons and intent model, then exit'
complete -c omni-route -s e -l explain -d 'Say which rules matched and why, and the intent features'
complete -c omni-route -l model -r -F -d 'The intent model'
complete -c omni-route -l threshold -x -d 'The intent least confidence (0 to 1)'
complete -c omni-route -l train -r -F -d 'Train an intent model on the corpus files named'
complete -c omni-route -s c -l config -r -F -d 'Configuration file'
complete -c omni-route -s d -l db -r -F -d 'The store, for assignment'
complete -c omni-route -s k -l keep-going -d 'Set malformed records aside and go on'
complete -c omni-route -s r -l reject -r -F -d 'Where --keep-going puts malformed records'
complete -c omni-route -l now -x -d 'The clock (RFC 3339 or Unix seconds)'
complete -c omni-route -s q -l quiet -d 'No warnings'
complete -c omni-route -s v -l verbose -d 'More detail'
complete -c omni-route -s h -l help -d 'Print the usage'
complete -c omni-route -s V -l version -d 'Print the version'
