# The platform's root passes the staging values to the module that keeps the
# public data in step: S3 to EFS for the launch system, and S3 to Azure (Blob
# in Enhanced mode, NFS through an agent in Basic mode) for the other cloud.

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "uswest2"
  region = "us-west-2"
}

provider "awscc" {
  region = "us-east-1"
}

provider "awscc" {
  alias  = "uswest2"
  region = "us-west-2"
}

variable "blob_sas_token_open" {
  type      = string
  sensitive = true
}

variable "blob_sas_token_internal" {
  type      = string
  sensitive = true
}

module "public_sync" {
  source = "./public_sync"

  providers = {
    aws           = aws
    aws.uswest2   = aws.uswest2
    awscc         = awscc
    awscc.uswest2 = awscc.uswest2
  }

  access_point_subnet_ids       = ["subnet-0a1b2c3d4e5f60789"]
  aws_region                    = "us-east-1"
  account_id                    = "222233334444"
  internal_bucket               = "lab-internal-data-staging"
  open_bucket                   = "lab-open-data"
  internal_mountpath            = "/internal-public"
  open_mountpath                = "/open-data"
  open_paths_list               = "staging_open_paths.txt"
  launch_data_efs_arn           = "arn:aws:elasticfilesystem:us-east-1:222233334444:file-system/fs-0a1b2c3d4e5f60789"
  launch_efs_security_group_arn = "arn:aws:ec2:us-east-1:222233334444:security-group/sg-0a1b2c3d4e5f60789"
  blob_open_container_url       = "https://labbatchstorage.blob.core.windows.net/opendata"
  blob_internal_container_url   = "https://labbatchstorage.blob.core.windows.net/publicdata"
  blob_open_sas_token           = var.blob_sas_token_open
  blob_internal_sas_token       = var.blob_sas_token_internal
  agent_activation_key_uswest2  = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"
  agent_activation_key_useast1  = "FFFFF-GGGGG-HHHHH-IIIII-JJJJJ"
  azure_nfs_server_hostname     = "10.120.4.10"
  azure_nfs_open_path           = "/labshare/opendata"
  azure_nfs_internal_path       = "/labshare/publicdata"
}
