# A small web application: an instance behind a security group, its data bucket, a database and a trail.
# Several settings are left insecure on purpose so `npm run demo` has something to show.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111122223333"]
}

resource "aws_s3_bucket" "assets" {
  bucket = "${var.project}-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = var.allow_public_policy ? false : true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

module "logs" {
  source = "./modules/logs-bucket"
  name   = "${var.project}-logs"
}

resource "aws_security_group" "web" {
  name        = "${var.project}-web"
  description = "Web tier"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH for operators"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-0abcdef1234567890"
  instance_type          = local.instance_type
  vpc_security_group_ids = [aws_security_group.web.id]

  root_block_device {
    volume_size = 20
  }
}

resource "aws_db_instance" "app" {
  identifier          = "${var.project}-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  manage_master_user_password = true
  storage_encrypted   = true
  publicly_accessible = false
}

resource "aws_kms_key" "app" {
  description         = "Application data key"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "main" {
  name                       = "${var.project}-trail"
  s3_bucket_name             = module.logs.bucket_name
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

data "aws_iam_policy_document" "deployer" {
  statement {
    sid       = "Deploy"
    actions   = ["ec2:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "${var.project}-deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
