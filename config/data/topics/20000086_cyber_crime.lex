topic medtop:20000086
3 hacker
3 hacking
3 cybercrime
3 cyber crime
3 cyberattack
3 cyber attack
3 ransomware
3 phishing
3 data breach
3 identity theft
