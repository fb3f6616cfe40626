topic medtop:20000053
5 terrorism
4 terrorist
4 terror attack
4 suicide bomber
4 suicide bombing
4 car bomb
4 al qaeda
4 islamic state
4 jihadist
4 bombing
4 beheaded
3 grenade
3 grenade attack
3 explosive device
3 explosives
