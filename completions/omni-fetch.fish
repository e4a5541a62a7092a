# fish completion for omni-fetch

# The names of the configuration's [TYPE NAME] sections: the file named by
# -c/--config on the command line, else $OMNI_CONFIG, else
# $XDG_CONFIG_HOME/omni/omni.conf.
function __omni_conf_names --argument-names type
    set -l conf
    set -l tokens (commandline -opc)
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case -c --config
                if test $i -lt (count $tokens)
                    set conf $tokens[(math $i + 1)]
                end
            case '--config=*'
                set conf (string replace -- --config= '' $tokens[$i])
        end
    end
    if test -z "$conf"
        set conf $OMNI_CONFIG
    end
    if test -z "$conf"
        set -l base $XDG_CONFIG_HOME
        test -n "$base"; or set base $HOME/.config
        set conf $base/omni/omni.conf
    end
    set conf (string replace -r '^~/' "$HOME/" -- $conf)
    test -r "$conf"; or return 0
    string match -rg '^\s*\[\s*'$type'\s+([^]]*[^]\s])\s*\]' <$conf
end

# Is the word being completed an ad hoc URI?  fish completes the path after
# its "scheme:" itself.
function __omni_fetch_uri
    string match -qr '^(maildir|mbox|file|import):' -- (commandline -ct)
end

# Configured sources and the ad hoc schemes.
function __omni_fetch_sources
    for name in (__omni_conf_names source)
        printf '%s\t%s\n' $name 'configured source'
    end
    printf '%s\t%s\n' maildir: 'a Maildir directory' mbox: 'an mbox file' \
        file: 'saved API responses and webhook deliveries' \
        shopify:https:// 'the Shopify Admin API of a shop' \
        amazon:https:// 'Amazon SP-API orders of a marketplace' \
        ebay:https:// 'eBay orders and Message API conversations' \
        meta:https:// 'Instagram and Messenger conversations (Graph API)' \
        bigcommerce:https:// 'BigCommerce V2 orders and shipments' \
        woocommerce:https:// 'WooCommerce REST orders' \
        walmart:https:// 'Walmart Marketplace orders' \
        tiktok:https:// 'TikTok Shop orders and customer service' \
        aftership:https:// 'shipment tracking (AfterShip)' \
        import: 'a CSV, JSON or NDJSON export of conversations' \
        imap:// 'an IMAP mailbox' imaps:// 'an IMAP mailbox over TLS'
end

complete -c omni-fetch -f -n 'not __omni_fetch_uri' -a '(__omni_fetch_sources)'
complete -c omni-fetch -F -n __omni_fetch_uri
complete -c omni-fetch -s a -l all -d 'Read everything again'
complete -c omni-fetch -s o -l orders -d 'Put orders, fulfilments and refunds into the store'
complete -c omni-fetch -s c -l config -r -F -d 'Configuration file'
complete -c omni-fetch -s d -l db -r -F -d 'The store'
complete -c omni-fetch -s s -l store -x -a '(__omni_conf_names store)' -d 'Store name for ad hoc sources'
complete -c omni-fetch -l channel -x -a 'amazon ebay walmart shopify bigcommerce woocommerce tiktok instagram facebook email chat sms' -d 'Channel for ad hoc sources'
complete -c omni-fetch -s k -l keep-going -d 'Set malformed records aside and go on'
complete -c omni-fetch -s r -l reject -r -F -d 'Where --keep-going puts malformed records'
complete -c omni-fetch -l now -x -d 'The clock (RFC 3339 or Unix seconds)'
complete -c omni-fetch -s j -l jobs -x -d 'Sources fetched at once'
complete -c omni-fetch -l proactive -d 'Tickets for shipment exceptions and late deliveries'
complete -c omni-fetch -l output -r -F -d 'Append the tickets to a file, locked'
complete -c omni-fetch -l webhook -x -a 'shopify meta tiktok woocommerce bigcommerce aftership' -d 'Verify and read webhook deliveries'
complete -c omni-fetch -s H -l header -x -d 'A delivery header (Name: value)'
complete -c omni-fetch -s q -l quiet -d 'No warnings'
complete -c omni-fetch -s v -l verbose -d 'More detail'
complete -c omni-fetch -s h -l help -d 'Print the usage'
complete -c omni-fetch -s V -l version -d 'Print the version'
