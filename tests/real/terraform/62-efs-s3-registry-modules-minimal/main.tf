# Scan results written to EFS by a scheduled container are copied to a bucket
# by a task the scheduler starts after each scan.

variable "prefix" {
  type    = string
  default = "audit-scanner"
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "4.0.2"

  name            = "${var.prefix}-vpc"
  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  private_subnets = ["10.0.1.0/24", "10.0.2.0/24"]
}

module "results_bucket" {
  source = "terraform-aws-modules/s3-bucket/aws"

  bucket                   = "${var.prefix}-results"
  acl                      = "private"
  control_object_ownership = true
  object_ownership         = "ObjectWriter"
}

module "copier_sg" {
  source       = "terraform-aws-modules/security-group/aws"
  name         = "${var.prefix}-copier"
  vpc_id       = module.network.vpc_id
  egress_rules = ["all-all"]
}

resource "aws_efs_file_system" "results" {
  creation_token = "${var.prefix}-results"
}

resource "aws_iam_role" "copier" {
  name = "${var.prefix}-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_s3" "bucket" {
  depends_on    = [module.results_bucket, aws_iam_role.copier]
  s3_bucket_arn = module.results_bucket.s3_bucket_arn
  subdirectory  = "/"
  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_efs" "volume" {
  efs_file_system_arn = aws_efs_file_system.results.arn
  ec2_config {
    security_group_arns = [module.copier_sg.security_group_arn]
    subnet_arn          = module.network.private_subnet_arns[0]
  }
}

resource "aws_datasync_task" "results" {
  destination_location_arn = aws_datasync_location_s3.bucket.arn
  name                     = "test"
  source_location_arn      = aws_datasync_location_efs.volume.arn
}
