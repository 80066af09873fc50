variable "project" {
  type    = string
  default = "acme-shop"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "admin_cidr" {
  description = "Who may reach SSH"
  type        = string
  default     = "10.0.0.0/8"
}

variable "allow_public_policy" {
  type    = bool
  default = false
}

locals {
  instance_type = "t3.small"
}
