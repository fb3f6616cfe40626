topic medtop:20000763
4 computer
4 computing
4 software
4 hardware
4 internet
3 web
4 browser
4 search engine
4 email
4 e mail
4 spam
4 broadband
4 wireless
4 operating system
4 linux
4 open source
4 microsoft
4 google
3 apple
4 ibm
4 intel
4 smartphone
4 mobile phone
4 computer virus
4 malware
4 spyware
3 worm
4 encryption
4 database
4 server
4 pc
4 laptop
4 chip
4 processor
4 semiconductor
4 artificial intelligence
4 machine learning
3 phishing
3 hackers
3 cyber security
3 firewall
3 security hole
3 vulnerability
3 patch
1 twitter
1 facebook

# Added for issue #6: the vocabulary of computing and telecoms news as wire editors file it.
4 software maker
4 software company
4 chipmaker
4 chip maker
3 memory chip
3 flash memory
3 supercomputer
3 supercomputing
3 mainframe
3 printer
3 router
3 network equipment
3 telecommunications equipment
3 set top box
3 dvd recorder
3 rfid
3 radio frequency identification
3 antivirus
3 anti virus
3 exploit
3 security update
3 software update
3 computer security
3 internet security
3 e commerce
3 ecommerce
3 online retail
3 online shopping
3 online service
3 internet service
3 internet service provider
3 internet company
3 web search
3 search results
3 dot com
3 blog
3 blogger
3 blogging
3 podcast
3 weblog
3 wimax
3 cellular
3 mobile telephone
3 telephony
3 wireless carrier
3 wireless service
3 cable broadband
3 high speed internet
3 instant messaging
3 chat room
3 coding
3 xml
3 open standard
3 file format
3 desktop
3 notebook computer
3 tablet pc
3 digital media
3 online music
3 music service
3 search giant
3 internet giant
3 web giant
3 software giant
3 tech giant
3 information technology
3 cio
3 chief technology officer
3 data storage
3 storage network
3 virtualization
3 grid computing
3 web services
3 spreadsheet
3 microsoft office
3 longhorn
3 service pack
3 sp2
3 pentium
3 itanium
3 opteron
3 athlon
3 imac
3 macintosh
3 mac os
3 wi fi hotspot
3 hotspot
# (No "IT services" etc.: "it" would become a phrase prefix, an extra lookup after every "it".)

# Issue #6 (lex): networking, telecoms and the makers of computers and phones, as tech news
# names them; the markets and sales of tech products (against the bare "market"/"sales" of
# economy); and chips that are food or a figure of speech.
3 networking
3 network equipment maker
3 load balancing
3 ssl
3 secure sockets layer
3 vpn
3 virtual private network
3 storage area network
3 ethernet
3 web conferencing
3 business software
3 security software
3 software vendor
3 hosted software
3 software as a service
3 push to talk
3 mobile carrier
3 mobile operator
3 mobile network
3 mobile phone operator
3 phone maker
3 dvr
3 digital video recorder
3 tivo
3 satellite radio
3 icann
3 verisign
3 domain name system
2 browser market
2 server market
2 chip market
2 flash market
2 handset market
2 pc market
2 software market
2 search market
2 semiconductor market
2 memory market
3 chip sales
3 pc sales
3 server sales
3 handset sales
3 semiconductor sales
3 software sales
-4 fish and chip
-4 potato chip
-4 chocolate chip
-4 bargaining chip
4 computer viruses
3 viruses and worms
3 worms and viruses
3 virus writer
3 cybersecurity
3 cyberspace
3 gartner
3 idc
3 new version
3 latest version
3 multimedia
2 graphics
3 os x
