# fish completion for omni-desk

set -l __omni_desk_verbs queue show ids answer note tag untag assign snooze solve reopen pending split merge

function __omni_desk_ids
    set -l f
    set -l words (commandline -opc)
    for i in (seq (count $words))
        if contains -- $words[$i] -f --tickets; and test $i -lt (count $words)
            set f -f $words[(math $i + 1)]
        end
    end
    omni-desk $f ids 2>/dev/null
end

complete -c omni-desk -f
complete -c omni-desk -n "not __fish_seen_subcommand_from $__omni_desk_verbs" -a "$__omni_desk_verbs"
complete -c omni-desk -n "__fish_seen_subcommand_from show answer note tag untag assign snooze solve reopen pending split merge" -a '(__omni_desk_ids)'
complete -c omni-desk -s f -l tickets -r -F -d 'The tickets file'
complete -c omni-desk -s c -l config -r -F -d 'Configuration file'
complete -c omni-desk -s d -l db -r -F -d 'The store'
complete -c omni-desk -s s -l solve -d 'Answer: solve the ticket once the answer is sent'
complete -c omni-desk -l queue -x -d 'Only tickets routed to this queue'
complete -c omni-desk -l assignee -x -d 'Only tickets of this person'
complete -c omni-desk -l channel -x -a 'amazon ebay walmart shopify bigcommerce woocommerce tiktok instagram facebook email chat sms' -d 'Only tickets of this channel'
complete -c omni-desk -l store -x -d 'Only tickets of this store'
complete -c omni-desk -l priority -x -a 'urgent high normal low' -d 'Only tickets of this priority'
complete -c omni-desk -l tag -x -d 'Only tickets with this tag'
complete -c omni-desk -s k -l keep-going -d 'Set malformed records aside and go on'
complete -c omni-desk -s r -l reject -r -F -d 'Where --keep-going puts malformed records'
complete -c omni-desk -l now -x -d 'The clock (RFC 3339 or Unix seconds)'
complete -c omni-desk -s q -l quiet -d 'No warnings'
complete -c omni-desk -s v -l verbose -d 'More detail'
complete -c omni-desk -s h -l help -d 'Print the usage'
complete -c omni-desk -s V -l version -d 'Print the version'
