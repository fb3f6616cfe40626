topic medtop:20000099
3 murder
3 homicide
3 manslaughter
3 killer
3 serial killer
3 murder charge
3 shot dead
3 stabbed to death
