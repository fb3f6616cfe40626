# Science and technology.
topic medtop:13000000
4 science
4 scientific
4 lab
4 discovered
4 archaeologist
4 archaeological
4 mathematics
4 mathematician
4 technology
4 tech
4 engineering
4 engineer
4 innovation
4 invention
4 robot
4 robotics
4 ai
4 nanotechnology
4 microprocessor
4 pcs
4 online
4 website
4 web site
4 wi fi
4 wifi
4 cell phone
4 cellphone
4 handset
4 telecom
4 telecommunications
4 network
4 data center
4 windows
4 ipod
4 iphone
4 amd
4 yahoo
4 amazon com
4 ebay
4 oracle
4 sun microsystems
4 hewlett packard
4 hp
4 dell
4 nokia
4 motorola
4 sony
4 samsung
4 cisco
4 facebook
4 twitter
4 digital
4 download
4 file sharing
4 music download
4 peer to peer
4 p2p
4 video game
4 game console
4 xbox
4 playstation
4 nintendo
4 virus
4 hacker
4 security flaw
4 vulnerability
4 patch
4 space
4 launch
4 wissenschaft
4 forscher
4 technologie
4 recherche
4 scientifique
4 ciencia
4 científicos
4 tecnología
-2 political science
-2 social science
-1 launch a campaign
