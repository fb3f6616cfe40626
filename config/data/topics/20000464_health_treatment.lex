topic medtop:20000464
4 treatment
4 therapy
4 surgery
4 transplant
4 vaccine
4 vaccination
4 prescription drug
4 clinical trial
4 drug approval
4 chemotherapy
# Issue #6: treatment of prisoners is rights, water treatment is utilities.
-3 treatment of prisoners
-3 treatment of detainees
-3 water treatment
-3 unfair treatment
-3 preferential treatment
