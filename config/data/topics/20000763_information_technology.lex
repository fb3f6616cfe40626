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
