# Science and technology.
topic medtop:13000000
4 science
4 scientific
1 lab
2 discovered
4 archaeologist
4 archaeological
4 mathematics
4 mathematician
3 technology
3 tech
4 engineering
4 engineer
2 innovation
4 invention
4 robot
4 robotics
3 ai
4 nanotechnology
4 microprocessor
4 pcs
1 online
2 website
4 web site
4 wi fi
4 wifi
4 cell phone
4 cellphone
4 handset
4 telecom
4 telecommunications
1 network
4 data center
1 windows
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
1 digital
3 download
4 file sharing
4 music download
4 peer to peer
4 p2p
4 video game
4 game console
4 xbox
4 playstation
4 nintendo
1 virus
4 security flaw
2 space
1 launch
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
3 hard drive
3 storage
3 gadget
1 device
3 handheld
3 wlan
3 ieee
3 bluetooth
3 voip
3 internet phone
3 isp
3 domain name
3 web hosting
3 digital music
3 itunes
3 napster
3 mp3
3 dvd
3 high definition
3 hdtv
1 plasma
3 flat panel
3 lcd
3 pda
3 blackberry
1 palm
3 psp
3 game boy
1 application
3 enterprise software
3 crm
3 erp
3 sap
3 peoplesoft
3 siebel
3 novell
3 red hat
3 sco
3 mozilla
3 firefox
3 internet explorer
3 netscape
3 aol
3 msn
3 source code
1 java
3 beta
2 upgrade
2 users
3 programmer
2 developers
3 patent
3 stem cell
3 cloning
3 embryo
3 embryonic
3 paleontologist
3 tyrannosaurus
3 neanderthal
3 primate
3 ape
3 chimpanzee
3 study finds
3 researchers say
3 scientists say
3 new study
2 journal
3 silicon valley
3 startup
1 probe
3 cassini
3 saturn
3 jupiter
3 titan
3 space agency
3 russian space
3 launch pad
3 suborbital
3 x prize
3 spaceshipone
3 laser
3 fiber optic
3 bandwidth
3 megabit
3 gigabit
3 megapixel
3 digital camera
3 camera phone
3 ringtone
3 text message
3 text messaging
3 sms
3 3g
3 4g
3 cdma
3 gsm
2 spectrum
3 fcc
3 vodafone
3 verizon
3 sprint nextel
3 t mobile
3 cingular
3 at t wireless
3 qualcomm
3 texas instruments
3 nvidia
3 ati
3 seagate
3 western digital
3 toshiba
3 hitachi
3 fujitsu
3 nec
3 lenovo
1 gateway
3 compaq
3 symantec
3 mcafee
3 macromedia
3 adobe
3 real networks
3 realnetworks
3 skype
3 kazaa
3 bittorrent
3 grokster
3 riaa
3 mpaa
3 file swapping
3 piracy online
3 dmca
4 microsoft windows
4 windows xp
4 windows vista
4 windows 7
4 windows 10
4 windows 11
3 game developer
3 game maker
3 game publisher
3 computer game
3 online game
3 mobile game
3 electronic arts
3 activision
3 gaming
# Issue #6: the plural folding and everyday senses made these fire on other beats: a police
# "probe", an "application" for asylum, a "device" that exploded, the island of Java, a flu
# "virus", "drug users", "property developers". Demoted above; the technical senses are phrases.
4 mobile app
4 smartphone app
3 software application
3 software developer
3 app developer
3 app store
3 software upgrade
-3 drug user
-3 heroin user
-3 cannabis user
-3 property developer
-3 real estate developer
-3 housing developer
-3 wall street journal
-3 explosive device
-3 incendiary device
-3 political spectrum
-2 blood plasma
-2 palm oil
-2 palm sunday
3 plasma tv
3 plasma television
3 plasma screen
3 plasma display
3 flat screen
3 powerpc
3 dual core
3 multicore
# Issue #6 (lex): universities whose teams the sports pages call "Tech".
-3 georgia tech
-3 virginia tech
-3 texas tech
-3 louisiana tech
