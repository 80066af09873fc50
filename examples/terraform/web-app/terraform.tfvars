# Operators asked for SSH from anywhere "just for the launch".
admin_cidr = "0.0.0.0/0"
