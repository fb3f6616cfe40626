topic medtop:20000097
3 fraud
3 scam
3 ponzi
3 embezzlement
3 insider trading
3 securities fraud
3 accounting fraud
3 fraudulent
