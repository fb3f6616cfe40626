topic medtop:20000644
4 united nations
4 security council
4 general assembly
4 secretary general
4 nato
4 european union
4 eu
4 african union
4 asean
4 g8
4 g7
4 g20
4 european commission
4 iaea
4 u n
4 un security council
4 un secretary general
4 un general assembly
4 un peacekeepers
4 un envoy
4 un agency
4 un chief
4 un resolution
4 un report
4 un officials
4 un human rights
4 united nations security council
